// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Imports that keep the core testable without Forge (ARCHITECTURE.md §3): only `src/adapters`
 * may touch `@forge/*` and the Graph client, and the core never reaches into the adapters.
 */
const coreLayerImports = (layer) => [
  'error',
  {
    patterns: [
      {
        group: ['@forge/*'],
        message: `${layer} stays free of Forge: declare a port in src/application/ports and implement it in src/adapters.`,
      },
      {
        group: ['@microsoft/microsoft-graph-client', '@microsoft/microsoft-graph-client/*'],
        message: `${layer} stays free of the Graph client: go through a port implemented in src/adapters.`,
      },
      {
        group: ['**/adapters', '**/adapters/*', '**/adapters/**'],
        message: `${layer} must not import src/adapters: depend on a port; the composition root wires the adapter.`,
      },
    ],
  },
];

/** Scripts sent to the browser as they are: simulator pages, the emulator's bridge, fixture apps' Custom UI. */
const BROWSER_SCRIPTS = ['dev/**/public/**/*.js', 'dev/**/browser/**/*.js', '**/static/**/*.js'];

export default defineConfig(
  globalIgnores(['node_modules/', 'static/settings-ui/build/', '.sandbox/', 'coverage/', 'test-results/']),

  // TypeScript everywhere, type-aware: each file is checked with its nearest tsconfig.json
  // (the root one for src/, dev/, test/, scripts/; static/settings-ui has its own).
  {
    files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'],
    extends: [js.configs.recommended, tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/consistent-type-imports': [
        'error',
        { prefer: 'type-imports', fixStyle: 'separate-type-imports' },
      ],
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          args: 'after-used',
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          ignoreRestSiblings: true,
        },
      ],
      'no-console': 'error',
    },
  },

  // Plain JavaScript (config files) is linted without type information.
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    extends: [js.configs.recommended],
    languageOptions: { globals: globals.node },
    rules: { 'no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }] },
  },
  {
    files: ['**/*.js'],
    ignores: BROWSER_SCRIPTS,
    languageOptions: { sourceType: 'commonjs' },
  },

  // No bundler, no modules, no Node.
  {
    files: BROWSER_SCRIPTS,
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },

  {
    files: ['src/domain/**'],
    rules: { 'no-restricted-imports': coreLayerImports('src/domain') },
  },
  {
    files: ['src/application/**'],
    rules: { 'no-restricted-imports': coreLayerImports('src/application') },
  },

  // The sandbox and the tests read JSON bodies of (simulated) HTTP responses all the time; those are
  // `any` by design there and jest's assertions check their shape. App code and tools keep these rules.
  {
    files: ['dev/**', 'test/**'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },

  // Hand-written fakes implement async ports with synchronous bodies.
  {
    files: ['test/**'],
    rules: { '@typescript-eslint/require-await': 'off' },
  },

  // Tools print to the terminal; on Forge, console output is the app's log (`forge logs`), so the
  // entry points and adapters log through it. Domain, application and UI code do not log.
  {
    files: ['dev/**', 'scripts/**', 'test/**', 'src/handlers/**', 'src/adapters/**'],
    rules: { 'no-console': 'off' },
  },
);
