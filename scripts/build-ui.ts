/** Builds the settings Custom UI into static/settings-ui/build (the manifest's resource path). */
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', 'static', 'settings-ui');
const out = join(root, 'build');

const main = async () => {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  await build({
    entryPoints: [join(root, 'src', 'main.ts')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    outfile: join(out, 'main.js'),
    logLevel: 'warning',
  });
  copyFileSync(join(root, 'index.html'), join(out, 'index.html'));
  copyFileSync(join(root, 'src', 'main.css'), join(out, 'main.css'));
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
