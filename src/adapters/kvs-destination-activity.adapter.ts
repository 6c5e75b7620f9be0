import kvs, { type SetOptions } from '@forge/kvs';
import type { DestinationActivityStore } from '../application/ports/delivery-flow';
import { emptyActivity, type DestinationActivity, type PostedCard } from '../domain/destination-activity';
import { batchGetAll, batchSetAll, type BatchWrite } from './kvs-batch';
import { hashKeyPart, KEY } from './kvs-keys';

/** A little longer than a card stays a reply target; a quiet destination's records just expire. */
export const ACTIVITY_TTL = { value: 4, unit: 'DAYS' } as const;

export const activityKey = (destinationKey: string): string =>
  KEY.destinationActivity(hashKeyPart(destinationKey));

/**
 * Each card a destination holds for a page has its own key, so a delivery reads and rewrites its
 * page's card and the small activity record, not a hundred cards: the bytes a delivery writes no
 * longer grow with the pages a busy channel follows, and a card's memory ends with its TTL.
 */
export const cardKey = (destinationKey: string, contentId: string): string =>
  KEY.destinationCard(hashKeyPart(`${destinationKey}\u0000${contentId}`));

const isCard = (value: unknown): value is PostedCard =>
  typeof value === 'object' && value !== null && typeof (value as PostedCard).messageId === 'string';

/**
 * The activity from its record and the cards read for `contentIds` (`valueOf` answers a key).
 * A record written before cards had their own keys still holds some: they count until the next
 * write moves them out. Null when nothing is stored.
 */
export const activityFrom = (
  destinationKey: string,
  contentIds: readonly string[],
  valueOf: (key: string) => unknown,
): DestinationActivity | null => {
  const record = valueOf(activityKey(destinationKey)) as DestinationActivity | undefined | null;
  const own = contentIds.flatMap((contentId): Array<[string, PostedCard]> => {
    const card = valueOf(cardKey(destinationKey, contentId));
    return isCard(card) ? [[contentId, card]] : [];
  });
  if (!record && own.length === 0) return null;
  const base = record ?? emptyActivity();
  return { ...base, cards: { ...base.cards, ...Object.fromEntries(own) } };
};

/** The keys `activityFrom` reads. */
export const activityKeysOf = (destinationKey: string, contentIds: readonly string[]): string[] => [
  activityKey(destinationKey),
  ...contentIds.map((contentId) => cardKey(destinationKey, contentId)),
];

/** The writes that store `activity`: the record without its cards, and each card under its key. */
export const activityWrites = (
  destinationKey: string,
  activity: DestinationActivity,
): Array<BatchWrite & { options: SetOptions }> => [
  { key: activityKey(destinationKey), value: { ...activity, cards: {} }, options: { ttl: ACTIVITY_TTL } },
  ...Object.entries(activity.cards).map(([contentId, card]) => ({
    key: cardKey(destinationKey, contentId),
    value: card,
    options: { ttl: ACTIVITY_TTL },
  })),
];

export const kvsDestinationActivityStore: DestinationActivityStore = {
  get: async (destinationKey, contentIds = []) => {
    if (contentIds.length === 0) {
      const record = await kvs.get(activityKey(destinationKey));
      return activityFrom(destinationKey, [], () => record);
    }
    const { valueOf } = await batchGetAll(activityKeysOf(destinationKey, contentIds).map((key) => ({ key })));
    return activityFrom(destinationKey, contentIds, (key) => valueOf({ key }));
  },
  put: async (destinationKey, activity) => {
    const writes = activityWrites(destinationKey, activity);
    const [only] = writes;
    if (writes.length === 1 && only) return kvs.set(only.key, only.value, only.options);
    await batchSetAll(writes, "a destination's activity");
  },
};
