import kvs from '@forge/kvs';
import type { DestinationActivityStore } from '../application/ports/delivery-flow';
import type { DestinationActivity } from '../domain/destination-activity';
import { hashKeyPart, KEY } from './kvs-keys';

/** A little longer than a card stays a reply target; a quiet destination's record just expires. */
export const ACTIVITY_TTL = { value: 4, unit: 'DAYS' } as const;

export const activityKey = (destinationKey: string): string =>
  KEY.destinationActivity(hashKeyPart(destinationKey));

export const kvsDestinationActivityStore: DestinationActivityStore = {
  get: async (destinationKey) => (await kvs.get<DestinationActivity>(activityKey(destinationKey))) ?? null,
  put: (destinationKey, activity) => kvs.set(activityKey(destinationKey), activity, { ttl: ACTIVITY_TTL }),
};
