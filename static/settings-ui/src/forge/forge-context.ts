import { view } from '@forge/bridge';

/** The four module keys of manifest.yml that share this resource (ARCHITECTURE.md D1). */
export type Surface = 'global' | 'space' | 'content' | 'personal';

const SURFACES: Record<string, Surface> = {
  'teams-global-settings': 'global',
  'teams-space-settings': 'space',
  'teams-content-action': 'content',
  'teams-personal-settings': 'personal',
};

export interface AppContext {
  surface: Surface;
  spaceKey: string | undefined;
  contentId: string | undefined;
  locale: string;
  /** Set when this resource was opened as a @forge/bridge Modal: the context its opener gave. */
  modal: unknown;
}

interface RawContext {
  moduleKey?: string;
  locale?: string;
  extension?: { space?: { key?: unknown }; content?: { id?: unknown }; modal?: unknown };
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;

/** What Forge tells the iframe about where it was opened; an unknown module is a packaging mistake. */
export const readAppContext = async (): Promise<AppContext> => {
  const raw = (await view.getContext()) as unknown as RawContext;
  const surface = SURFACES[raw.moduleKey ?? ''];
  if (!surface) throw new Error(`This app does not know the module "${raw.moduleKey ?? ''}".`);
  return {
    surface,
    spaceKey: text(raw.extension?.space?.key),
    contentId: text(raw.extension?.content?.id),
    locale: raw.locale ?? navigator.language,
    modal: raw.extension?.modal,
  };
};
