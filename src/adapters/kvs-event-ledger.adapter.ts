import kvs from '@forge/kvs';
import type { EventLedger } from '../application/ports/stores';
import { isKeyExistsError } from './kvs-errors';
import { hashKeyPart, KEY } from './kvs-keys';

/** Events arrive at least once and up to a few minutes late; a day covers every redelivery. */
const SEEN_TTL = { value: 1, unit: 'DAYS' } as const;

export const kvsEventLedger: EventLedger = {
  markSeen: async (dedupKey) => {
    try {
      await kvs.set(KEY.eventSeen(hashKeyPart(dedupKey)), 1, { keyPolicy: 'FAIL_IF_EXISTS', ttl: SEEN_TTL });
      return true;
    } catch (error) {
      if (isKeyExistsError(error)) return false;
      throw error;
    }
  },
  forget: (dedupKey) => kvs.delete(KEY.eventSeen(hashKeyPart(dedupKey))),
};
