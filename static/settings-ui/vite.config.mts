import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/**
 * Builds the settings Custom UI into ./build, the manifest's resource folder. Forge serves that
 * folder as static files under a path of its own, so asset URLs must be relative (`base: './'`),
 * and its CSP forbids inline scripts, which a Vite build does not emit.
 */
export default defineConfig({
  root: here('.'),
  base: './',
  logLevel: 'warn',
  // Vite's own transformer compiles JSX; no React plugin (no fast refresh is needed for a build).
  oxc: { jsx: { runtime: 'automatic' } },
  resolve: {
    alias: [
      // See the stub: the same answers as the real, never initialised client, without its weight.
      {
        find: /^@atlaskit\/feature-gate-js-client(\/feature-gates)?$/,
        replacement: here('./src/vendor/feature-gates-stub.ts'),
      },
      {
        find: /^@atlaskit\/app-provider\/theme-provider$/,
        replacement: here('./src/vendor/theme-provider-stub.tsx'),
      },
    ],
  },
  build: {
    outDir: 'build',
    emptyOutDir: true,
    target: 'es2022',
    // The budget (≤ 250 KB gzip of JavaScript) is checked on gzip sizes, not on this raw figure.
    chunkSizeWarningLimit: 1000,
  },
});
