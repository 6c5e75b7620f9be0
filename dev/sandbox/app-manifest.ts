import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ForgeUiModule } from '../confluence-sim';

export const APP_DIR = join(__dirname, '..', '..');

const UI_MODULE_TYPES: ForgeUiModule['type'][] = [
  'confluence:globalSettings',
  'confluence:spaceSettings',
  'confluence:contentAction',
  'confluence:globalPage',
];

/** The app's Confluence UI modules, read from manifest.yml so the shell shows what the app declares. */
export const readUiModules = (appDir = APP_DIR): ForgeUiModule[] => {
  const manifest = parse(readFileSync(join(appDir, 'manifest.yml'), 'utf8')) as {
    modules: Record<string, Array<{ key: string; title: string; route?: string }>>;
  };
  return UI_MODULE_TYPES.flatMap((type) =>
    (manifest.modules[type] ?? []).map((m) => ({
      key: m.key,
      type,
      title: m.title,
      ...(m.route ? { route: m.route } : {}),
    })),
  );
};
