import type { EventKind } from './content-event';

/*
 * What one channel or chat has received lately: the cards posted per page (to update them or
 * reply under them), the current burst window, events held back for a digest, and today's
 * message count. Read and written once per delivery, with the card of the delivery's page only
 * (the store keeps each card apart); the queue's per-destination concurrency key (limit 1)
 * serialises its writers.
 */

/** A card posted for one page (or blog post) in this destination. */
export interface PostedCard {
  messageId: string;
  /** Event time of the change that posted it: the coalescing window runs from here. */
  postedAt: number;
  /** Who posted it: only they may edit it (Graph lets the sender alone PATCH a message). */
  senderAccountId: string;
  kind: EventKind;
  /** The version before the first change the card shows: its summary and diff start here. */
  baseVersion: number;
  /** The newest version the card shows. */
  version: number;
  /** Edits of the page the card shows: the one that posted it and those folded in since. */
  edits: number;
  /**
   * Who made those edits (account ids, first edit first, at most MAX_EDITORS_REMEMBERED): the
   * card names them. Ids, not names: a name is read when the card is built, as Atlassian asks apps
   * not to store personal data. Absent on records written before it existed.
   */
  editors?: string[];
}

/** An event held back for the destination's next digest, already checked and rendered as its sender. */
export interface HeldItem {
  deliveryKey: string;
  /** The page or blog post, so a later digest can check it is still visible (absent in older items). */
  contentId?: string;
  senderAccountId: string;
  /** The rule that cleared it, and its version then: a digest re-reads the rule before posting it. */
  ruleId?: string;
  ruleVersion?: number;
  kind: EventKind;
  contentType: 'page' | 'blogpost';
  spaceKey: string;
  /** Empty for redacted items, which show only the space. */
  title: string;
  url: string;
  authorName: string;
  redacted: boolean;
  at: number;
}

export interface DestinationActivity {
  schemaVersion: 1;
  /** Cards per content id: those read with the record (a delivery reads its page's), newest few only. */
  cards: Record<string, PostedCard>;
  /** The current burst window: when it started (event time) and the new cards posted in it. */
  burst: { startedAt: number; count: number } | null;
  held: HeldItem[];
  /** Held events beyond what a record keeps: the digest mentions them as a number. */
  overflow: number;
  /** A digest message is on the queue for this destination. */
  digestScheduled: boolean;
  /** Messages posted today (UTC), replies included: Teams allows 3,000 per channel per day. */
  day: { date: string; messages: number };
  /** When the app last sent a request here, for pacing (≤ 4 requests per second per channel). */
  lastRequestAt: number;
  /**
   * The latest request time promised to a message handed back to the queue to wait for its turn
   * (send-plan `paceRequest`): later messages queue behind it. Absent: none promised yet.
   */
  reservedSlotAt?: number;
}

export const MAX_CARDS_REMEMBERED = 100;
export const MAX_HELD = 40;
/** A card names a few editors and counts the rest; the record stays small. */
export const MAX_EDITORS_REMEMBERED = 10;

export const emptyActivity = (): DestinationActivity => ({
  schemaVersion: 1,
  cards: {},
  burst: null,
  held: [],
  overflow: 0,
  digestScheduled: false,
  day: { date: '', messages: 0 },
  lastRequestAt: 0,
});

export const utcDate = (now: number): string => new Date(now).toISOString().slice(0, 10);

/** Messages posted today; a new UTC day starts from zero. */
export const messagesToday = (activity: DestinationActivity, now: number): number =>
  activity.day.date === utcDate(now) ? activity.day.messages : 0;

/**
 * The editors a card shows once `editorAccountId` has edited the page: the card's own (none for
 * a new card), then this one if new. Past the bound the list stops growing.
 */
export const editorsWith = (
  editors: readonly string[] | undefined,
  editorAccountId: string | null | undefined,
): string[] => {
  const known = [...(editors ?? [])];
  if (!editorAccountId || known.includes(editorAccountId) || known.length >= MAX_EDITORS_REMEMBERED)
    return known;
  return [...known, editorAccountId];
};
