import kvs from '@forge/kvs';
import { z } from 'zod';
import type { AccessTokenCopy, TokenVault } from '../application/ports/stores';
import type { StoredTokens } from '../domain/connection';
import { KEY, SECRET } from './kvs-keys';

const accessCopy = z.object({ accessToken: z.string().min(1), accessTokenExpiresAt: z.number() });

/** A stored copy as an access token; anything this version cannot read is no copy. */
export const accessCopyFrom = (value: unknown): AccessTokenCopy | null => {
  const parsed = accessCopy.safeParse(value);
  return parsed.success ? parsed.data : null;
};

/** The copy lives until the token expires, not a second longer (Forge TTLs are in seconds). */
const writeAccessCopy = (accountId: string, tokens: StoredTokens): Promise<void> => {
  const seconds = Math.floor((tokens.accessTokenExpiresAt - Date.now()) / 1000);
  if (seconds < 1) return kvs.delete(KEY.accessToken(accountId));
  const copy: AccessTokenCopy = {
    accessToken: tokens.accessToken,
    accessTokenExpiresAt: tokens.accessTokenExpiresAt,
  };
  return kvs.set(KEY.accessToken(accountId), copy, { ttl: { value: seconds, unit: 'SECONDS' } });
};

/**
 * The refresh token only ever in the secret `ms-token:<accountId>`; the access token there too,
 * and copied to the plain key `ms-access:<accountId>` (docs/architecture.md, "Access tokens
 * outside secrets"). Every write of the secret rewrites the copy, every removal removes it.
 */
export const kvsTokenVault: TokenVault = {
  get: async (accountId) => (await kvs.getSecret<StoredTokens>(SECRET.tokens(accountId))) ?? null,
  put: async (accountId, tokens) => {
    await Promise.all([kvs.setSecret(SECRET.tokens(accountId), tokens), writeAccessCopy(accountId, tokens)]);
  },
  delete: async (accountId) => {
    await Promise.all([kvs.deleteSecret(SECRET.tokens(accountId)), kvs.delete(KEY.accessToken(accountId))]);
  },
  getAccess: async (accountId) => accessCopyFrom(await kvs.get(KEY.accessToken(accountId))),
  forgetAccess: (accountId) => kvs.delete(KEY.accessToken(accountId)),
};
