import kvs from '@forge/kvs';
import type { EventLedger } from '../application/ports/stores';
import { hashKeyPart, KEY } from './kvs-keys';

/** Events arrive at least once and up to a few minutes late; a day covers every redelivery. */
const QUEUED_TTL = { value: 1, unit: 'DAYS' } as const;

const keyOf = (dedupKey: string) => KEY.eventQueued(hashKeyPart(dedupKey));

/** The ledger's mark for an event, as an item of another write's batch (the consumer's). */
export const ledgerItem = (dedupKey: string) => ({
  key: keyOf(dedupKey),
  value: 1,
  options: { ttl: QUEUED_TTL },
});

export const kvsEventLedger: EventLedger = {
  wasQueued: async (dedupKey) => (await kvs.get<number>(keyOf(dedupKey))) === 1,
  markQueued: (dedupKey) => kvs.set(keyOf(dedupKey), 1, { ttl: QUEUED_TTL }),
};
