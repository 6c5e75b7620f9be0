import kvs from '@forge/kvs';
import type { OAuthStateRecord, OAuthStateStore } from '../application/ports/stores';
import { KEY, safeKeyPart } from './kvs-keys';

export const kvsOAuthStateStore: OAuthStateStore = {
  create: (state, record, ttlSeconds) =>
    kvs.set(KEY.oauthState(safeKeyPart(state)), record, { ttl: { value: ttlSeconds, unit: 'SECONDS' } }),

  /**
   * Read and delete. Two callbacks racing on one state both read it, but Microsoft redeems an
   * authorization code once only, so at most one of them can store a connection.
   */
  consume: async (state) => {
    const key = KEY.oauthState(safeKeyPart(state));
    const record = await kvs.get<OAuthStateRecord>(key);
    if (!record) return null;
    await kvs.delete(key);
    return record;
  },
};
