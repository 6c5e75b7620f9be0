import { createHash } from 'node:crypto';

/** Every KVS key, entity and secret name the app uses, in one place. */
export const ENTITY = {
  rule: 'rule',
  /** A rule's copy under each route the trigger reads (domain/rule-routes.ts), and partitions' markers. */
  ruleRoute: 'rule-route',
  connection: 'connection',
  delivery: 'delivery',
  /** A person's personal cards held for quiet hours or their daily digest. */
  personalDigest: 'personal-digest',
  /** Confluence account → Microsoft user, from the site admin's import of Atlassian's user export. */
  userMapping: 'user-mapping',
} as const;

export const INDEX = {
  byScope: 'by-scope',
  byRoute: 'by-route',
  byOwner: 'by-owner',
  byStatus: 'by-status',
  byContent: 'by-content',
  byMicrosoftUser: 'by-microsoft-user',
  byWaiting: 'by-waiting',
  byTenant: 'by-tenant',
} as const;

export const KEY = {
  tenant: 'tenant',
  oauthState: (stateHash: string) => `oauth-state:${stateHash}`,
  /** Written once with FAIL_IF_EXISTS: whoever writes it first consumes the state. */
  oauthStateUsed: (stateHash: string) => `oauth-state-used:${stateHash}`,
  oauthCompletionUsed: (codeHash: string) => `oauth-completion-used:${codeHash}`,
  eventQueued: (dedupKeyHash: string) => `event-queued:${dedupKeyHash}`,
  preferences: (accountId: string) => `prefs:${accountId}`,
  destinationActivity: (destinationKey: string) => `dest-activity:${destinationKey}`,
  /** One card a destination holds for a page (hash of destination and content id), apart from its activity. */
  destinationCard: (cardHash: string) => `dest-card:${cardHash}`,
  /** The companion bot's settings (bot id, secret expiry) and health (last request, last refusal). */
  bot: 'bot',
  /** The companion bot's 1:1 conversation with a Microsoft user (hash of `tid:oid`). */
  conversation: (microsoftUserHash: string) => `conversation:${microsoftUserHash}`,
  /** Whether a person's bot chat is installed, copied under their account (hash) for the personal audience. */
  appAdded: (accountIdHash: string) => `app-added:${accountIdHash}`,
  /** Written once with FAIL_IF_EXISTS: an activity Teams sent is acted on once, replays are not. */
  botActivitySeen: (activityHash: string) => `bot-activity-seen:${activityHash}`,
  botHealth: 'bot-health',
  /** The Bot Framework's published signing keys (JWKS) with the time they were fetched. */
  botSigningKeys: 'bot-signing-keys',
  /** The Teams app package's version and the hash of the content it was last built from. */
  teamsPackage: 'teams-package',
  /** A user-mapping import's preview, waiting for the site admin's Confirm (single use). */
  userImportPreview: (previewIdHash: string) => `user-import-preview:${previewIdHash}`,
  /**
   * A copy of someone's Graph access token (never the refresh token), with a TTL ending at its
   * expiry: a delivery reads it with its other records instead of the secret `ms-token:`.
   */
  accessToken: (accountId: string) => `ms-access:${accountId}`,
  /** The Bot Connector token (client credentials, an hour) and the app id it is for, with a TTL. */
  botConnectorToken: 'bot-connector-access',
  /** A notice the bot sent once (a secret's expiry warning, "log in again"), hashed. */
  noticeSent: (noticeHash: string) => `notice-sent:${noticeHash}`,
} as const;

export const SECRET = {
  clientSecret: 'ms-client-secret',
  tokens: (accountId: string) => `ms-token:${accountId}`,
  /** A finished Microsoft redirect (it holds an authorization code) until its starter redeems it. */
  oauthCompletion: (codeHash: string) => `oauth-completion:${codeHash}`,
  /** The bot's own secret, when the admin registered it apart from the tenant mapping's app. */
  botSecret: 'bot-client-secret',
} as const;

/**
 * A key part made from outside input (Confluence data, Microsoft ids, OAuth values): SHA-256 in
 * base64url, 43 characters of the allowed alphabet whatever the input's length or script, and no
 * two inputs share one.
 */
export const hashKeyPart = (part: string): string =>
  createHash('sha256').update(part, 'utf8').digest('base64url');
