/** Every KVS key, entity and secret name the app uses, in one place. */
export const ENTITY = { rule: 'rule', connection: 'connection', delivery: 'delivery' } as const;

export const INDEX = {
  byScope: 'by-scope',
  byOwner: 'by-owner',
  byStatus: 'by-status',
  byContent: 'by-content',
} as const;

export const KEY = {
  tenant: 'tenant',
  oauthState: (state: string) => `oauth-state:${state}`,
  eventSeen: (dedupKey: string) => `event-seen:${dedupKey}`,
  preferences: (accountId: string) => `prefs:${accountId}`,
  destinationActivity: (destinationKey: string) => `dest-activity:${destinationKey}`,
} as const;

export const SECRET = {
  clientSecret: 'ms-client-secret',
  tokens: (accountId: string) => `ms-token:${accountId}`,
} as const;

/** KVS keys allow `[a-zA-Z0-9:._\s-#]`; anything else (e.g. `/` or `@` in Graph ids) is hex-escaped. */
export const safeKeyPart = (part: string): string =>
  part.replace(/[^a-zA-Z0-9:._-]/g, (ch) => `#${ch.charCodeAt(0).toString(16)}`);
