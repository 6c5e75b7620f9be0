import kvs from '@forge/kvs';
import type { OAuthCompletion, OAuthStateRecord, OAuthStateStore } from '../application/ports/stores';
import { isKeyExistsError } from './kvs-errors';
import { hashKeyPart, KEY, SECRET } from './kvs-keys';

const seconds = (value: number) => ({ value, unit: 'SECONDS' }) as const;

/**
 * The one write that decides who consumes a single-use value: a marker written with
 * FAIL_IF_EXISTS. Two callbacks racing on one value both read it, but only one marker write
 * succeeds, so at most one of them goes on.
 */
const claim = async (usedKey: string, ttlSeconds: number): Promise<boolean> => {
  try {
    await kvs.set(usedKey, 1, { keyPolicy: 'FAIL_IF_EXISTS', ttl: seconds(ttlSeconds) });
    return true;
  } catch (error) {
    if (isKeyExistsError(error)) return false;
    throw error;
  }
};

/** Markers outlive the values they guard, so a replay after expiry still finds the marker or nothing. */
const MARKER_TTL_SECONDS = 24 * 60 * 60;

export const kvsOAuthStateStore: OAuthStateStore = {
  create: (state, record, ttlSeconds) =>
    kvs.set(KEY.oauthState(hashKeyPart(state)), record, { ttl: seconds(ttlSeconds) }),

  consume: async (state) => {
    const hash = hashKeyPart(state);
    const record = await kvs.get<OAuthStateRecord>(KEY.oauthState(hash));
    if (!record || !(await claim(KEY.oauthStateUsed(hash), MARKER_TTL_SECONDS))) return null;
    await kvs.delete(KEY.oauthState(hash));
    return record;
  },

  // The completion holds Microsoft's authorization code, so it lives in a secret.
  saveCompletion: (code, completion, ttlSeconds) =>
    kvs.setSecret(SECRET.oauthCompletion(hashKeyPart(code)), completion, { ttl: seconds(ttlSeconds) }),

  peekCompletion: async (code) =>
    (await kvs.getSecret<OAuthCompletion>(SECRET.oauthCompletion(hashKeyPart(code)))) ?? null,

  redeemCompletion: async (code) => {
    const hash = hashKeyPart(code);
    if (!(await claim(KEY.oauthCompletionUsed(hash), MARKER_TTL_SECONDS))) return false;
    await kvs.deleteSecret(SECRET.oauthCompletion(hash));
    return true;
  },
};
