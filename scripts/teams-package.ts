/**
 * The Teams app package from the command line, by the same code the `teams-app/package` resolver
 * runs, for the sandbox tenant unless told otherwise:
 *
 *   npm run teams-package -- --out DIR [--site URL] [--client-id GUID] [--bot-id GUID]
 *
 * Writes the zip and the unzipped manifest.json into DIR, after validating the manifest offline
 * against Microsoft's bundled schema. Run again into the same DIR, it keeps the version while the
 * content is the same and bumps it when the content changed (it reads the manifest.json there).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { ENTRA_APP } from '../dev/seed';
import { teamsAppPackager } from '../src/adapters/teams-app-package.adapter';
import type { TeamsPackageVersionStore } from '../src/application/ports/teams-app-package';
import { buildTeamsPackage } from '../src/application/use-cases/bot/teams-app-package';
import { isAppError } from '../src/domain/app-error';
import {
  TEAMS_MANIFEST_VERSION,
  type TeamsAppManifest,
  type TeamsPackageRecord,
} from '../src/domain/teams-app-manifest';
import { validateTeamsManifest } from './teams-manifest-schema';

const SANDBOX_SITE = `http://127.0.0.1:${process.env.CONFLUENCE_PORT ?? 5200}`;
const USAGE = `Usage: npm run teams-package -- --out DIR [--site URL] [--client-id GUID] [--bot-id GUID]

  --out DIR          where to write the zip and manifest.json (created if missing)
  --site URL         the Confluence site (default: the sandbox, ${SANDBOX_SITE})
  --client-id GUID   the tenant mapping's Entra app (default: the sandbox's, ${ENTRA_APP.clientId})
  --bot-id GUID      the bot's app id (default: the client id)
`;

class UsageError extends Error {}

const options = () => {
  let parsed;
  try {
    parsed = parseArgs({
      options: {
        out: { type: 'string' },
        site: { type: 'string' },
        'client-id': { type: 'string' },
        'bot-id': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
      allowPositionals: false,
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (parsed.help) {
    process.stdout.write(USAGE);
    process.exit(0);
  }
  if (!parsed.out) throw new UsageError('--out DIR is required: where should the package go?');
  const clientId = parsed['client-id'] ?? ENTRA_APP.clientId;
  return {
    out: resolve(parsed.out),
    site: { siteUrl: parsed.site ?? SANDBOX_SITE, clientId, botId: parsed['bot-id'] ?? clientId },
  };
};

/** The version record, taken from the manifest.json an earlier run left in `dir`. */
const versionsIn = (dir: string): TeamsPackageVersionStore => {
  let record: TeamsPackageRecord | null = null;
  const file = join(dir, 'manifest.json');
  if (existsSync(file)) {
    const previous = JSON.parse(readFileSync(file, 'utf8')) as TeamsAppManifest;
    record = { contentHash: teamsAppPackager.contentHash(previous), version: previous.version };
  }
  return {
    get: () => Promise.resolve(record),
    put: (next) => {
      record = next;
      return Promise.resolve();
    },
  };
};

const main = async () => {
  const { out, site } = options();
  const built = await buildTeamsPackage(
    { teamsPackager: teamsAppPackager, teamsPackageVersions: versionsIn(out) },
    site,
  );
  const errors = await validateTeamsManifest(built.manifest);
  if (errors.length > 0) {
    throw new Error(`The manifest fails the v${TEAMS_MANIFEST_VERSION} schema:\n  ${errors.join('\n  ')}`);
  }
  mkdirSync(out, { recursive: true });
  const zipFile = join(out, built.fileName);
  writeFileSync(zipFile, built.zip);
  writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(built.manifest, null, 2)}\n`);
  process.stdout.write(
    [
      `Teams app package for ${site.siteUrl}`,
      `  app id     ${built.manifest.id}`,
      `  version    ${built.manifest.version} (manifest schema v${TEAMS_MANIFEST_VERSION}, valid offline)`,
      `  bot id     ${site.botId}`,
      `  client id  ${site.clientId}`,
      `  wrote      ${zipFile} (${built.zip.length} bytes)`,
      `             ${join(out, 'manifest.json')}`,
      '',
    ].join('\n'),
  );
};

main().catch((error: unknown) => {
  if (error instanceof UsageError) {
    process.stderr.write(`teams-package: ${error.message}\n\n${USAGE}`);
    process.exit(2);
  }
  process.stderr.write(`teams-package: ${isAppError(error) ? error.message : String(error)}\n`);
  process.exit(1);
});
