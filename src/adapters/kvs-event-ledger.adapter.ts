import kvs from '@forge/kvs';
import type { EventLedger } from '../application/ports/stores';
import { hashKeyPart, KEY } from './kvs-keys';

/** Events arrive at least once and up to a few minutes late; a day covers every redelivery. */
const QUEUED_TTL = { value: 1, unit: 'DAYS' } as const;

const keyOf = (dedupKey: string) => KEY.eventQueued(hashKeyPart(dedupKey));

export const kvsEventLedger: EventLedger = {
  wasQueued: async (dedupKey) => (await kvs.get<number>(keyOf(dedupKey))) === 1,
  markQueued: (dedupKey) => kvs.set(keyOf(dedupKey), 1, { ttl: QUEUED_TTL }),
};
