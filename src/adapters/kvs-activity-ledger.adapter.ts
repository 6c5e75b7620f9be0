import kvs from '@forge/kvs';
import type { ActivityLedger } from '../application/ports/bot-messenger';
import { isKeyExistsError } from './kvs-errors';
import { hashKeyPart, KEY } from './kvs-keys';

/** One marker per activity, written with FAIL_IF_EXISTS: of two equal requests, one goes on. */
export const kvsActivityLedger: ActivityLedger = {
  firstSeen: async (activityKey, ttlSeconds) => {
    try {
      await kvs.set(KEY.botActivitySeen(hashKeyPart(activityKey)), 1, {
        keyPolicy: 'FAIL_IF_EXISTS',
        ttl: { value: ttlSeconds, unit: 'SECONDS' },
      });
      return true;
    } catch (error) {
      if (isKeyExistsError(error)) return false;
      throw error;
    }
  },
};
