import { createHash } from 'node:crypto';
import { strToU8, zipSync } from 'fflate';
import type { TeamsAppPackager } from '../application/ports/teams-app-package';
import { TEAMS_ICON_FILES, type TeamsAppManifest } from '../domain/teams-app-manifest';
import { TEAMS_ICONS } from './teams-icons';

/** This app's own UUID namespace: every site's app id is a UUIDv5 of its host in it. */
export const TEAMS_APP_ID_NAMESPACE = '73ff8bc2-dbf5-4738-9796-e54c3e784302';

/** RFC 4122 §4.3: SHA-1 of namespace and name, with the version (5) and variant bits set. */
export const uuidV5 = (name: string, namespace: string): string => {
  const hash = createHash('sha1')
    .update(Buffer.from(namespace.replace(/-/g, ''), 'hex'))
    .update(name, 'utf8')
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
};

/** A fixed time in every entry, so the same content zips to the same bytes. */
const ENTRY_TIME = new Date(2026, 0, 1);

const files = (manifest: TeamsAppManifest): Record<string, Uint8Array> => ({
  'manifest.json': strToU8(`${JSON.stringify(manifest, null, 2)}\n`),
  [TEAMS_ICON_FILES.color]: Buffer.from(TEAMS_ICONS.color, 'base64'),
  [TEAMS_ICON_FILES.outline]: Buffer.from(TEAMS_ICONS.outline, 'base64'),
});

export const teamsAppPackager: TeamsAppPackager = {
  appIdFor: (siteHost) => uuidV5(siteHost, TEAMS_APP_ID_NAMESPACE),
  contentHash: (manifest) => {
    const hash = createHash('sha256');
    for (const [name, bytes] of Object.entries(files({ ...manifest, version: '' }))) {
      hash.update(`${name}\0${bytes.length}\0`).update(bytes);
    }
    return hash.digest('base64url');
  },
  zip: (manifest) => zipSync(files(manifest), { level: 9, mtime: ENTRY_TIME }),
};
