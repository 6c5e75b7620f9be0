import fs from 'node:fs/promises';
import path from 'node:path';

import { makeAppFolder } from './fixtures/forge-check/app-folder';
import type { AppFolder } from './fixtures/forge-check/app-folder';
import { MANIFEST_BREAKS } from './fixtures/forge-check/manifest-breaks';
import { REPO_ROOT, runForgeCheckCli, runLimited } from './fixtures/forge-check/run-forge-check-cli';
import type { CliRun } from './fixtures/forge-check/run-forge-check-cli';

// `npm run lint` must fail on a broken manifest: these runs prove it with the real script.
describe('scripts/forge-check.ts (offline forge lint)', () => {
  const REAL_MANIFEST = path.join(REPO_ROOT, 'manifest.yml');
  const folders: AppFolder[] = [];
  let realRun: CliRun;
  const brokenRuns = new Map<string, CliRun>();

  beforeAll(async () => {
    for (const manifestBreak of MANIFEST_BREAKS) {
      folders.push(await makeAppFolder(REAL_MANIFEST, manifestBreak.apply));
    }
    const runs = await runLimited(
      [
        () => runForgeCheckCli([]),
        ...folders.map((folder) => () => runForgeCheckCli(['--manifest', folder.manifestPath])),
      ],
      2,
    );
    realRun = runs[0];
    MANIFEST_BREAKS.forEach((manifestBreak, index) => brokenRuns.set(manifestBreak.name, runs[index + 1]));
  }, 300_000);

  afterAll(async () => {
    await Promise.all(folders.map((folder) => fs.rm(folder.dir, { recursive: true, force: true })));
  });

  it('passes the repository manifest and its src/', () => {
    expect({ code: realRun.code, stderr: realRun.stderr }).toEqual({ code: 0, stderr: '' });
    expect(realRun.stdout).toMatch(/forge-check: 0 error\(s\)/);
  });

  it.each(MANIFEST_BREAKS.map((manifestBreak) => [manifestBreak.name, manifestBreak] as const))(
    'fails on %s and names the problem',
    (name, manifestBreak) => {
      const run = brokenRuns.get(name);
      expect(run?.code).toBe(1);
      expect(run?.stdout).toMatch(manifestBreak.expected);
      expect(run?.stdout).toMatch(/forge-check: [1-9]\d* error\(s\)/);
    },
  );

  it('refuses a manifest path Forge would not read', async () => {
    const run = await runForgeCheckCli(['--manifest', path.join(REPO_ROOT, 'package.json')]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--manifest must name a manifest\.yml/);
  });
});
