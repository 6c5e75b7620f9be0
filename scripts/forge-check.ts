/**
 * Offline stand-in for `forge lint` (which needs an Atlassian login and the network):
 * full `@forge/manifest` validation plus `@forge/lint`'s client-side linters.
 *
 *   tsx scripts/forge-check.ts [--manifest path/to/manifest.yml]
 *
 * Prints `file:line:col level message (reference)` per problem. Exit 0 when there are only
 * warnings, 1 on any error, 2 when the check itself could not run.
 */
import { parseArgs } from 'node:util';

import { formatProblem, hasErrors } from './forge-check/forge-problem';
import { runForgeCheck } from './forge-check/run-forge-check';

// Nothing in this check may reach the network: fail loudly if a library version starts to try.
globalThis.fetch = (input) => {
  const url = input instanceof Request ? input.url : String(input);
  return Promise.reject(new Error(`forge-check is offline and refused a request to ${url}`));
};

const main = async (): Promise<number> => {
  const { values } = parseArgs({ options: { manifest: { type: 'string', default: 'manifest.yml' } } });
  const cwd = process.cwd();
  const { appDir, problems } = await runForgeCheck(values.manifest);
  for (const problem of problems) console.log(formatProblem(problem, appDir, cwd));
  const errors = problems.filter((problem) => problem.level === 'error').length;
  console.log(`forge-check: ${errors} error(s), ${problems.length - errors} warning(s)`);
  return hasErrors(problems) ? 1 : 0;
};

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(`forge-check could not run: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  },
);
