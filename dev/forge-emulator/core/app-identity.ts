import { createHash } from 'node:crypto';

/** The ids a Forge installation carries; derived from the manifest and the site so they stay stable. */
export interface AppIdentity {
  appId: string;
  environmentId: string;
  installationId: string;
  /** `ari:cloud:confluence::site/<cloudId>`, the installation context. */
  contextAri: string;
}

/** A UUID-shaped id that is the same on every start for the same inputs. */
function stableUuid(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('|')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function deriveIdentity(appId: string, cloudId: string): AppIdentity {
  return {
    appId,
    environmentId: stableUuid('environment', appId, 'DEVELOPMENT'),
    installationId: stableUuid('installation', appId, cloudId),
    contextAri: `ari:cloud:confluence::site/${cloudId}`,
  };
}
