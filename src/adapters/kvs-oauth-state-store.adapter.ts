import kvs from '@forge/kvs';
import type { OAuthStateRecord, OAuthStateStore } from '../application/ports/stores';
import { isKeyExistsError } from './kvs-errors';
import { KEY, safeKeyPart } from './kvs-keys';

export const kvsOAuthStateStore: OAuthStateStore = {
  create: (state, record, ttlSeconds) =>
    kvs.set(KEY.oauthState(safeKeyPart(state)), record, { ttl: { value: ttlSeconds, unit: 'SECONDS' } }),

  /**
   * Single use even when two callbacks race: the first to write the "used" marker wins.
   * An unknown or expired state writes nothing.
   */
  consume: async (state) => {
    const key = safeKeyPart(state);
    const record = await kvs.get<OAuthStateRecord>(KEY.oauthState(key));
    if (!record) return null;
    try {
      await kvs.set(KEY.oauthStateUsed(key), true, {
        keyPolicy: 'FAIL_IF_EXISTS',
        ttl: { value: 1, unit: 'DAYS' },
      });
    } catch (error) {
      if (isKeyExistsError(error)) return null;
      throw error;
    }
    await kvs.delete(KEY.oauthState(key));
    return record;
  },
};
