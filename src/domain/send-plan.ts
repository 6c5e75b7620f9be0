import type { ContentEvent, EventKind } from './content-event';
import {
  messagesToday,
  type DestinationActivity,
  type HeldItem,
  type PostedCard,
} from './destination-activity';

/** The "no flood" settings; the defaults are the product's promise (issue 4). */
export interface FloodSettings {
  /** Repeated edits of one page within this time update one card; also the digest window. */
  windowMs: number;
  /** New cards per destination per window before the rest wait for a digest. */
  burstLimit: number;
  /** Past this many messages a day in a channel, events go to digests only. */
  dailyCardLimit: number;
  /** Teams' own limit: 3,000 messages per channel per day; digests stop here too. */
  dailyHardLimit: number;
  /** How long a posted card stays a target for replies (comments under the page's card). */
  cardMemoryMs: number;
  /** Minimum gap between two requests to one channel: Teams allows 4 per second. */
  requestGapMs: number;
}

export const DEFAULT_FLOOD_SETTINGS: FloodSettings = {
  windowMs: 10 * 60 * 1000,
  burstLimit: 5,
  dailyCardLimit: 2900,
  dailyHardLimit: 3000,
  cardMemoryMs: 3 * 24 * 3600 * 1000,
  requestGapMs: 300,
};

export type SendPlan =
  | { action: 'post' }
  /** PATCH the card in place (the same sender posted it, and may edit it). */
  | { action: 'update'; card: PostedCard }
  /** Reply under the card's thread (channels only). */
  | { action: 'reply'; card: PostedCard; coalesced: boolean }
  /** The card already shows this version or a newer one (events arrive out of order). */
  | { action: 'already-shown'; card: PostedCard }
  /** Hold for the digest; `digestInMs` set when no digest is scheduled yet. */
  | { action: 'hold'; digestInMs: number | null; reason: 'burst' | 'daily-limit' };

export interface SendContext {
  event: Pick<ContentEvent, 'kind' | 'contentId' | 'version'>;
  /** When the change happened (event time, epoch ms). */
  eventTime: number;
  now: number;
  senderAccountId: string;
  destinationType: 'channel' | 'chat';
  /** The sender's Microsoft sign-in includes the permission to edit messages here. */
  canEditMessages: boolean;
}

const EDIT_KINDS: readonly EventKind[] = [
  'page_created',
  'page_updated',
  'blogpost_created',
  'blogpost_updated',
];
export const isContentChange = (kind: EventKind): boolean => EDIT_KINDS.includes(kind);

const recentCard = (activity: DestinationActivity, ctx: SendContext, settings: FloodSettings) => {
  const card = activity.cards[ctx.event.contentId];
  return card && ctx.eventTime - card.postedAt < settings.cardMemoryMs ? card : undefined;
};

/**
 * How one event reaches one destination without flooding it: fold a repeated edit into the
 * card already posted, thread comments and labels under the page's card, and hold new cards
 * past the burst or daily limit for one digest.
 */
export const planSend = (
  activity: DestinationActivity,
  ctx: SendContext,
  settings: FloodSettings = DEFAULT_FLOOD_SETTINGS,
): SendPlan => {
  const card = recentCard(activity, ctx, settings);
  const today = messagesToday(activity, ctx.now);
  const channel = ctx.destinationType === 'channel';
  const overDaily = channel && today >= settings.dailyCardLimit;
  if (card && isContentChange(ctx.event.kind) && isContentChange(card.kind)) {
    const inWindow = ctx.eventTime - card.postedAt < settings.windowMs;
    if (inWindow && ctx.event.version <= card.version) return { action: 'already-shown', card };
    if (inWindow && ctx.canEditMessages && card.senderAccountId === ctx.senderAccountId)
      return { action: 'update', card };
    if (inWindow && channel && !overDaily) return { action: 'reply', card, coalesced: true };
  }
  if (card && channel && !isContentChange(ctx.event.kind) && !overDaily)
    return { action: 'reply', card, coalesced: false };

  const burst = activity.burst;
  const burstOpen = burst !== null && ctx.eventTime - burst.startedAt < settings.windowMs;
  const overBurst = burstOpen && burst.count >= settings.burstLimit;
  if (!overDaily && !overBurst) return { action: 'post' };
  const windowEnd = burstOpen ? burst.startedAt + settings.windowMs : ctx.eventTime + settings.windowMs;
  // A digest that should have gone long ago was lost (e.g. its queue message dead-lettered): ask again.
  const oldest = activity.held[0]?.at ?? ctx.eventTime;
  const pending = activity.digestScheduled && ctx.eventTime - oldest < 2 * settings.windowMs;
  return {
    action: 'hold',
    digestInMs: pending ? null : Math.max(1000, windowEnd - ctx.eventTime),
    reason: overDaily ? 'daily-limit' : 'burst',
  };
};

/** A queue delay is given in seconds, at most 900 (PLATFORM-FACTS "Queues"); pacing asks for whole ones. */
const MAX_QUEUE_DELAY_SECONDS = 900;

/** Send now, or come back through the queue for the slot reserved for this request. */
export type Pacing = { action: 'send' } | { action: 'defer'; slotAt: number; delaySeconds: number };

/**
 * When the next request to this destination may go: a request gap after the last request and
 * after the last slot already promised to a waiting message. A wait is a queue delay, never a
 * sleep (Forge bills a running function, waiting included), so it is rounded up to whole seconds.
 * Each waiting message reserves its own slot: without that, every message that finds the channel
 * busy waits the same second and they all come back together, the burst pacing is there to stop.
 */
export const paceRequest = (
  activity: DestinationActivity,
  now: number,
  settings = DEFAULT_FLOOD_SETTINGS,
): Pacing => {
  const slotAt = Math.max(activity.lastRequestAt, activity.reservedSlotAt ?? 0) + settings.requestGapMs;
  if (slotAt <= now) return { action: 'send' };
  const delaySeconds = Math.min(MAX_QUEUE_DELAY_SECONDS, Math.max(1, Math.ceil((slotAt - now) / 1000)));
  return { action: 'defer', slotAt, delaySeconds };
};

/** The destination's activity once a waiting message holds `slotAt`. */
export const reserveSlot = (activity: DestinationActivity, slotAt: number): DestinationActivity => ({
  ...activity,
  reservedSlotAt: Math.max(slotAt, activity.reservedSlotAt ?? 0),
});

/**
 * The next digest: the held items of the first item's sender (a digest is posted as one
 * person, and lists only what that person's rules cleared), and what stays held.
 */
export const takeDigest = (
  activity: DestinationActivity,
): { sender: string | null; items: HeldItem[]; overflow: number; rest: HeldItem[] } => {
  const sender = activity.held[0]?.senderAccountId ?? null;
  const items = activity.held.filter((item) => item.senderAccountId === sender);
  const rest = activity.held.filter((item) => item.senderAccountId !== sender);
  return { sender, items, overflow: rest.length === 0 ? activity.overflow : 0, rest };
};
