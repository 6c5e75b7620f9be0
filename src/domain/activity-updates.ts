import type { EventKind } from './content-event';
import {
  editorsWith,
  messagesToday,
  utcDate,
  MAX_CARDS_REMEMBERED,
  MAX_HELD,
  type DestinationActivity,
  type HeldItem,
  type PostedCard,
} from './destination-activity';
import { isContentChange } from './send-plan';

/* How a destination's activity record changes after each kind of send (pure; see destination-activity). */

const countMessage = (activity: DestinationActivity, now: number): DestinationActivity['day'] => ({
  date: utcDate(now),
  messages: messagesToday(activity, now) + 1,
});

/** Keeps the newest cards, so the record stays small however many pages a channel follows. */
const pruneCards = (cards: Record<string, PostedCard>, now: number, memoryMs: number) =>
  Object.fromEntries(
    Object.entries(cards)
      .filter(([, card]) => now - card.postedAt < memoryMs)
      .sort(([, a], [, b]) => b.postedAt - a.postedAt)
      .slice(0, MAX_CARDS_REMEMBERED),
  );

interface PostedFacts {
  contentId: string;
  card: PostedCard;
  now: number;
  windowMs: number;
  cardMemoryMs: number;
}

/** A new card was posted: it opens or extends the burst window and counts for today. */
export const afterPost = (activity: DestinationActivity, facts: PostedFacts): DestinationActivity => {
  const at = facts.card.postedAt;
  const burst = activity.burst;
  const inWindow = burst !== null && at - burst.startedAt < facts.windowMs && at >= burst.startedAt;
  return {
    ...activity,
    cards: pruneCards({ ...activity.cards, [facts.contentId]: facts.card }, at, facts.cardMemoryMs),
    burst: inWindow ? { ...burst, count: burst.count + 1 } : { startedAt: at, count: 1 },
    day: countMessage(activity, facts.now),
    lastRequestAt: facts.now,
  };
};

/** The event behind an update or a reply: its kind, and who made the change. */
export interface CardChange {
  kind: EventKind;
  editorAccountId?: string | null;
}

/**
 * The card was updated in place, or a reply went under it. Only an edit of the page counts:
 * a newer version of a content change. A comment or a label carries the page's version and
 * changes nothing the card shows. Without `change`, a version past the card's is the edit.
 */
export const afterUpdate = (
  activity: DestinationActivity,
  contentId: string,
  version: number,
  now: number,
  change?: CardChange,
): DestinationActivity => {
  const card = activity.cards[contentId];
  const isEdit = card && version > card.version && (!change || isContentChange(change.kind));
  if (!isEdit) return { ...activity, lastRequestAt: now };
  const editors = change?.editorAccountId ? editorsWith(card.editors, change.editorAccountId) : card.editors;
  const updated: PostedCard = {
    ...card,
    version,
    edits: card.edits + 1,
    ...(editors ? { editors } : {}),
  };
  return { ...activity, cards: { ...activity.cards, [contentId]: updated }, lastRequestAt: now };
};

/** A reply went under a card: a message for today's count, not a new card in the channel. */
export const afterReply = (activity: DestinationActivity, now: number): DestinationActivity => ({
  ...activity,
  day: countMessage(activity, now),
  lastRequestAt: now,
});

export const afterHold = (
  activity: DestinationActivity,
  item: HeldItem,
  digestScheduled: boolean,
): DestinationActivity => {
  const full = activity.held.length >= MAX_HELD;
  return {
    ...activity,
    held: full ? activity.held : [...activity.held, item],
    overflow: activity.overflow + (full ? 1 : 0),
    digestScheduled: activity.digestScheduled || digestScheduled,
  };
};

/** A digest went out (or failed for good): its items leave; the rest wait for the next one. */
export const afterDigest = (
  activity: DestinationActivity,
  rest: HeldItem[],
  now: number,
  posted: boolean,
): DestinationActivity => ({
  ...activity,
  held: rest,
  overflow: rest.length > 0 ? activity.overflow : 0,
  digestScheduled: rest.length > 0,
  day: posted ? countMessage(activity, now) : activity.day,
  lastRequestAt: now,
});
