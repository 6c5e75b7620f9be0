// @ts-check
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The layering (ARCHITECTURE.md §3): what each folder may import. The rules below forbid the
 * rest, matching folder names anywhere in a relative import so they hold at any depth;
 * test/dev/layering/layering-lint.test.ts proves each arrow.
 *
 *   contracts          → nothing (its own files only)
 *   domain             → contracts
 *   application/ports  → domain, contracts, other ports
 *   application/services → domain, contracts, ports, other services (never use-cases)
 *   application/use-cases → domain, contracts, ports, services, other use-cases
 *   adapters           → domain, contracts, application/ports, SDKs
 *   handlers, index.ts, composition-root.ts → anything in src
 *   static/settings-ui → src/contracts only (plus its own files and npm packages)
 *   src/, static/      → never dev/, test/, bench/, scripts/
 */
const SRC_LAYERS = ['domain', 'application', 'ports', 'services', 'use-cases', 'adapters', 'handlers'];
const SRC_ROOT_MODULES = ['composition-root', 'index'];
const TOOLING = ['dev', 'test', 'bench', 'scripts'];

/** A relative import that passes through any of these folders (or names one of these modules). */
const through = (names) => `^\\.{1,2}/(?:.*/)?(?:${names.join('|')})(?:/|\\.[cm]?[jt]sx?$|$)`;

const layerRule = (layer, allowed, forbidden, { sdks = true } = {}) => [
  'error',
  {
    patterns: [
      {
        regex: through(forbidden.filter((name) => !TOOLING.includes(name))),
        message: `${layer} imports only ${allowed} (the table in eslint.config.mjs; ARCHITECTURE.md §3).`,
      },
      {
        regex: through(TOOLING),
        message: `${layer} is product code: it never imports the sandbox, tests, benches or scripts.`,
      },
      ...(sdks
        ? []
        : [
            {
              group: ['@forge/*'],
              message: `${layer} stays free of Forge: declare a port in src/application/ports and implement it in src/adapters.`,
            },
            {
              group: ['@microsoft/microsoft-graph-client', '@microsoft/microsoft-graph-client/*'],
              message: `${layer} stays free of the Graph client: go through a port implemented in src/adapters.`,
            },
          ]),
    ],
  },
];

const allBut = (...allowed) => SRC_LAYERS.filter((name) => !allowed.includes(name));

const LAYERING = [
  {
    files: ['src/contracts/**'],
    rule: [
      'error',
      {
        patterns: [
          {
            regex: '^(?!\\./)',
            message:
              'src/contracts is what the settings UI sees: it imports nothing but its own files. Move the type here and let the other layers import it.',
          },
        ],
      },
    ],
  },
  {
    files: ['src/domain/**'],
    rule: layerRule(
      'src/domain',
      'src/domain and src/contracts',
      [...allBut('domain'), ...SRC_ROOT_MODULES, 'static', ...TOOLING],
      {
        sdks: false,
      },
    ),
  },
  {
    files: ['src/application/ports/**'],
    rule: layerRule(
      'src/application/ports',
      'src/domain, src/contracts and other ports',
      [...allBut('domain', 'application', 'ports'), ...SRC_ROOT_MODULES, 'static', ...TOOLING],
      { sdks: false },
    ),
  },
  {
    files: ['src/application/services/**'],
    rule: layerRule(
      'src/application/services',
      'src/domain, src/contracts, ports and other services, never use-cases',
      [...allBut('domain', 'application', 'ports', 'services'), ...SRC_ROOT_MODULES, 'static', ...TOOLING],
      { sdks: false },
    ),
  },
  {
    files: ['src/application/use-cases/**'],
    rule: layerRule(
      'src/application/use-cases',
      'src/domain, src/contracts, ports, services and use-cases',
      [
        ...allBut('domain', 'application', 'ports', 'services', 'use-cases'),
        ...SRC_ROOT_MODULES,
        'static',
        ...TOOLING,
      ],
      { sdks: false },
    ),
  },
  {
    files: ['src/adapters/**'],
    rule: layerRule('src/adapters', 'src/domain, src/contracts, application ports, other adapters and SDKs', [
      ...allBut('domain', 'application', 'ports', 'adapters'),
      ...SRC_ROOT_MODULES,
      'static',
      ...TOOLING,
    ]),
  },
  {
    files: ['src/handlers/**', 'src/index.ts', 'src/composition-root.ts'],
    rule: layerRule('src/handlers', 'src/ and npm packages', ['static', ...TOOLING]),
  },
  {
    files: ['static/settings-ui/src/**'],
    rule: [
      'error',
      {
        patterns: [
          {
            regex: '^\\.{1,2}/(?:.*/)?src/(?!contracts/)',
            message:
              'The settings UI sees the backend only through src/contracts: move the type (or constant) there.',
          },
          {
            regex: through(TOOLING),
            message:
              'The settings UI is product code: it never imports the sandbox, tests, benches or scripts.',
          },
        ],
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

  ...LAYERING.map(({ files, rule }) => ({ files, rules: { 'no-restricted-imports': rule } })),

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
