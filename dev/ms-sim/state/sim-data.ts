import { randomBytes } from 'node:crypto';
import type { StoredMessage } from '../graph/messages/stored-message';

/** An authorization code waiting to be redeemed; stored under the SHA-256 of the code. */
export interface AuthCodeRecord {
  clientId: string;
  redirectUri: string;
  oid: string;
  /** Every scope granted: OpenID Connect ones and Graph permissions (canonical names). */
  scopes: string[];
  codeChallenge: string;
  nonce: string | null;
  issuedAt: number;
  expiresAt: number;
  redeemed: boolean;
}

/** A refresh token; stored under the SHA-256 of the token so the file never holds a usable one. */
export interface RefreshTokenRecord {
  clientId: string;
  oid: string;
  scopes: string[];
  issuedAt: number;
  expiresAt: number;
  /** Set when the token was exchanged: rotation makes the old one unusable. */
  redeemedAt: number | null;
  revokedAt: number | null;
}

/** An administrator's tenant-wide consent for an app registration. */
export interface AdminConsentRecord {
  clientId: string;
  tenantId: string;
  grantedByOid: string;
  scopes: string[];
  grantedAt: number;
}

/** A chat created at run time through `POST /v1.0/chats` (the seeded ones live in dev/seed.ts). */
export interface CreatedChatRecord {
  id: string;
  topic: string | null;
  chatType: 'group' | 'oneOnOne';
  memberOids: string[];
  createdAt: number;
}

/** Everything the simulator remembers; plain JSON so it can be written to `dataDir`. */
export interface SimData {
  version: 1;
  /** HS256 key for the tokens the simulator issues (base64); rotated by a reset. */
  signingKey: string;
  redirectUris: string[];
  codes: Record<string, AuthCodeRecord>;
  refreshTokens: Record<string, RefreshTokenRecord>;
  consents: Record<string, AdminConsentRecord>;
  chats: CreatedChatRecord[];
  messages: StoredMessage[];
  lastMessageId: number;
}

export const emptySimData = (redirectUris: string[] = []): SimData => ({
  version: 1,
  signingKey: randomBytes(32).toString('base64'),
  redirectUris: [...redirectUris],
  codes: {},
  refreshTokens: {},
  consents: {},
  chats: [],
  messages: [],
  lastMessageId: 0,
});
