/**
 * Offline validation of a Teams app manifest against the JSON schema Microsoft publishes, as
 * bundled in `@microsoft/app-manifest` (a devDependency: the tests and the command line use it,
 * the Forge function does not).
 *
 * `ManifestUtil.validateManifest()` would download the schema from the manifest's `$schema` URL;
 * `ManifestUtil.validateManifestAgainstSchema` with the bundled file needs no network
 * (TEAMS-BOT-FACTS.md §5).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { TEAMS_MANIFEST_VERSION } from '../src/domain/teams-app-manifest';

const packageDir = dirname(require.resolve('@microsoft/app-manifest/package.json'));

const schemaFile = (version: string) =>
  join(packageDir, 'build', 'json-schemas', 'teams', `v${version}`, 'MicrosoftTeams.schema.json');

/**
 * The schema files hold a JavaScript-style `\a` escape that JSON does not know; the package
 * itself replaces it the same way before parsing.
 */
const parseSchema = (text: string): object => JSON.parse(text.replace(/\\a/g, '\\x07')) as object;

/** The bundled schema for `version` (default: the one the app builds). */
export const bundledTeamsSchema = (version: string = TEAMS_MANIFEST_VERSION): object =>
  parseSchema(readFileSync(schemaFile(version), 'utf8'));

/**
 * Runs in a plain Node process: the package requires the ES module `strip-bom`, which Node loads
 * (require(esm)) but jest's module registry refuses without --experimental-vm-modules.
 */
const VALIDATOR = `
const { ManifestUtil } = require('@microsoft/app-manifest');
const { manifest, schema } = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
ManifestUtil.validateManifestAgainstSchema(manifest, schema).then(
  (errors) => process.stdout.write(JSON.stringify(errors)),
  (error) => { process.stderr.write(String(error)); process.exit(1); },
);`;

/** The schema's complaints, one line each; empty when the manifest is valid. */
export const validateTeamsManifest = (manifest: unknown, version?: string): Promise<string[]> => {
  const output = execFileSync(process.execPath, ['-e', VALIDATOR], {
    cwd: packageDir,
    input: JSON.stringify({ manifest, schema: bundledTeamsSchema(version) }),
    encoding: 'utf8',
  });
  return Promise.resolve(JSON.parse(output) as string[]);
};
