import { execFileSync } from 'node:child_process';
import path from 'node:path';

/**
 * The layering rule in eslint.config.mjs, run through ESLint's Node API (lint-imports.mjs) on
 * import lines placed in a file of each folder: every forbidden arrow is reported, every allowed
 * one is not.
 */
const REPO_ROOT = path.resolve(__dirname, '../../..');

const lintImports = (arrows: Arrow[]): string[][] =>
  JSON.parse(
    execFileSync(process.execPath, [path.join(__dirname, 'lint-imports.mjs'), REPO_ROOT], {
      input: JSON.stringify(
        arrows.map(([from, specifier]) => ({ filePath: path.join(REPO_ROOT, from), specifier })),
      ),
      encoding: 'utf8',
    }),
  ) as string[][];

type Arrow = [from: string, specifier: string];

const FORBIDDEN: Arrow[] = [
  // contracts → nothing
  ['src/contracts/rules.ts', '../domain/rule'],
  ['src/contracts/rules.ts', '../application/ports/microsoft'],
  ['src/contracts/rules.ts', 'zod'],
  // domain → contracts only
  ['src/domain/rule.ts', '../application/ports/stores'],
  ['src/domain/rule.ts', '../adapters/kvs-rule-store.adapter'],
  ['src/domain/rule.ts', '../handlers/resolver-inputs'],
  ['src/domain/rule.ts', '../composition-root'],
  ['src/domain/rule.ts', '@forge/kvs'],
  // application: ports ← services ← use-cases, never the other way; never adapters or handlers
  ['src/application/ports/stores.ts', '../services/authority'],
  ['src/application/ports/stores.ts', '../use-cases/rules/rules'],
  ['src/application/services/authority.ts', '../use-cases/rules/rules'],
  ['src/application/services/authority.ts', '../../adapters/forge-confluence.adapter'],
  ['src/application/use-cases/rules/rules.ts', '../../../adapters/kvs-rule-store.adapter'],
  ['src/application/use-cases/rules/rules.ts', '../../../handlers/resolver-inputs'],
  ['src/application/use-cases/rules/rules.ts', '../../../composition-root'],
  ['src/application/use-cases/rules/rules.ts', '@forge/api'],
  ['src/application/use-cases/rules/rules.ts', '@microsoft/microsoft-graph-client'],
  // adapters → ports, domain, contracts, SDKs; not services, use-cases or handlers
  ['src/adapters/kvs-rule-store.adapter.ts', '../application/services/authority'],
  ['src/adapters/kvs-rule-store.adapter.ts', '../application/use-cases/rules/rules'],
  ['src/adapters/kvs-rule-store.adapter.ts', '../handlers/resolver-inputs'],
  ['src/adapters/kvs-rule-store.adapter.ts', '../composition-root'],
  // product code never → dev/, test/
  ['src/handlers/resolver.handler.ts', '../../dev/sandbox/sandbox-driver'],
  ['src/handlers/resolver.handler.ts', '../../test/support/fakes'],
  ['src/composition-root.ts', '../dev/forge-emulator/emulator'],
  ['src/domain/rule.ts', '../../test/support/builders'],
  // the settings UI → src/contracts only
  ['static/settings-ui/src/rules/editor/rule-draft.ts', '../../../../../src/domain/rule'],
  ['static/settings-ui/src/rules/rule-text.ts', '../../../../src/application/ports/microsoft'],
  ['static/settings-ui/src/api/resolver-client.ts', '../../../../src/handlers/resolver-errors'],
  ['static/settings-ui/src/app.tsx', '../../../src/adapters/kvs-rule-store.adapter'],
  ['static/settings-ui/src/app.tsx', '../../../dev/sandbox/sandbox-driver'],
  ['static/settings-ui/src/app.tsx', '../../../test/support/builders'],
];

const ALLOWED: Arrow[] = [
  ['src/contracts/resolver-api.ts', './rules'],
  ['src/domain/rule.ts', './content-event'],
  ['src/domain/rule.ts', '../contracts/rules'],
  ['src/domain/rule.ts', 'zod'],
  ['src/application/ports/stores.ts', './microsoft'],
  ['src/application/ports/stores.ts', '../../domain/rule'],
  ['src/application/services/rule-views.ts', '../ports/stores'],
  ['src/application/services/rule-views.ts', './authority'],
  ['src/application/services/rule-views.ts', '../../contracts/rules'],
  ['src/application/use-cases/rules/rules.ts', '../../services/authority'],
  ['src/application/use-cases/rules/rules.ts', '../../ports/stores'],
  ['src/application/use-cases/rules/rules.ts', '../sign-in/connections'],
  ['src/adapters/kvs-rule-store.adapter.ts', '../application/ports/stores'],
  ['src/adapters/kvs-rule-store.adapter.ts', '../domain/rule'],
  ['src/adapters/kvs-rule-store.adapter.ts', './kvs-keys'],
  ['src/adapters/kvs-rule-store.adapter.ts', '@forge/kvs'],
  ['src/handlers/resolver.handler.ts', '../composition-root'],
  ['src/handlers/resolver.handler.ts', '../application/use-cases/rules/rules'],
  ['src/handlers/resolver.handler.ts', '../adapters/kvs-rule-store.adapter'],
  ['src/composition-root.ts', './adapters/kvs-rule-store.adapter'],
  ['src/index.ts', './handlers/resolver.handler'],
  ['static/settings-ui/src/rules/editor/rule-draft.ts', '../../../../../src/contracts/rules'],
  ['static/settings-ui/src/rules/editor/rule-draft.ts', '../rule-text'],
  ['static/settings-ui/src/app.tsx', '@forge/bridge'],
  ['static/settings-ui/src/app.tsx', './views/global-view'],
  // dev/ and test/ may import product code
  ['dev/sandbox/sandbox-driver.ts', '../../src/contracts/resolver-api'],
  ['test/support/builders.ts', '../../src/domain/rule'],
];

const arrowName = ([from, specifier]: Arrow): string => `${from} → ${specifier}`;

describe('the layering lint rule (eslint.config.mjs)', () => {
  const reported = new Map<string, string[]>();

  beforeAll(() => {
    const arrows = [...FORBIDDEN, ...ALLOWED];
    lintImports(arrows).forEach((messages, index) => reported.set(arrowName(arrows[index]), messages));
  }, 60_000);

  it.each(FORBIDDEN)('refuses %s → %s', (...arrow) => {
    expect(reported.get(arrowName(arrow))).toEqual([expect.stringMatching(/^no-restricted-imports: /)]);
  });

  it.each(ALLOWED)('allows %s → %s', (...arrow) => {
    expect(reported.get(arrowName(arrow))).toEqual([]);
  });
});
