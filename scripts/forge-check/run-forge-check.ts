import path from 'node:path';

import { hasErrors, uniqueProblems } from './forge-problem';
import type { ForgeProblem } from './forge-problem';
import { checkManifest } from './manifest-check';
import { toForgeProblem } from './promotion-policy';

/** The file name Forge reads; its linters open it by this name in the working directory. */
const MANIFEST_FILE = 'manifest.yml';

/** Outcome of one offline Forge check. */
export interface ForgeCheckReport {
  /** Absolute folder of the manifest; problem files are relative to it. */
  appDir: string;
  problems: ForgeProblem[];
}

/**
 * Validates the manifest in full, then, when it is valid, runs `forge lint`'s client-side
 * linters over the app's sources. A manifest with errors stops the check there: the linters
 * expect a manifest that passed the schema and would only repeat its findings.
 */
export const runForgeCheck = async (manifestPath: string): Promise<ForgeCheckReport> => {
  const appDir = path.dirname(path.resolve(manifestPath));
  if (path.basename(manifestPath) !== MANIFEST_FILE) {
    throw new Error(`--manifest must name a ${MANIFEST_FILE} file: Forge reads no other name`);
  }
  const previousDir = process.cwd();
  process.chdir(appDir);
  try {
    const { findings, manifest } = await checkManifest(MANIFEST_FILE);
    const problems = findings.map(toForgeProblem);
    if (!manifest || hasErrors(problems)) return { appDir, problems: uniqueProblems(problems) };
    // Loaded only now: @forge/lint and @forge/cli-shared take seconds to load, wasted on a broken manifest.
    const { runClientLinters } = await import('./client-linters');
    const lintProblems = (await runClientLinters(manifest)).map(toForgeProblem);
    return { appDir, problems: uniqueProblems([...problems, ...lintProblems]) };
  } finally {
    process.chdir(previousDir);
  }
};
