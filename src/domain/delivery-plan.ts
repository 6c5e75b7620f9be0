import { createHash } from 'node:crypto';
import { eventDedupKey, type ContentEvent } from './content-event';
import { destinationKey, type Destination, type RestrictedContentMode, type Rule } from './rule';
import type { PersonalReason } from './personal-notification';
import { judgeRule, sortRules, type PendingCheck } from './rule-matcher';

/**
 * A rule that may send one delivery. The consumer takes the first sender whose owner can view
 * the content and whose CQL filter matches (both checked as that owner, which the trigger
 * cannot afford), and falls back to a redacted card when a sender asks for one.
 */
export interface PlannedSender {
  ruleId: string;
  /**
   * The rule's version when the event was matched: the consumer re-reads the rule and judges it
   * again when it changed since. Absent in messages queued before it was carried.
   */
  ruleVersion?: number;
  ownerAccountId: string;
  /** The rule's advanced filter, evaluated by the consumer as `id = <id> AND (<cql>)`; '' for none. */
  cql: string;
  restrictedContent: RestrictedContentMode;
  /** False: the rule turned @mentions off. */
  mentions?: false;
  /** What the event could not decide (labels, page ancestry): the consumer checks it. */
  check?: PendingCheck;
}

/** One card to one destination. */
export interface PlannedDelivery {
  /** Idempotency key: the same event and destination always give the same key. */
  deliveryKey: string;
  /** Serialises sends to one channel or chat (Teams allows a few requests per second each). */
  concurrencyKey: string;
  destination: Destination;
  /** Every matching rule for this destination, oldest first, never empty. */
  senders: PlannedSender[];
  event: ContentEvent;
  /** A personal card: why its recipient gets it (domain/personal-notification). */
  personalReasons?: PersonalReason[];
  /**
   * A personal card: the recipient's Microsoft user (`tid:oid`) when the audience step read their
   * connection, so the consumer reads the bot's conversation with them in its one batch. Checked
   * against the connection as the consumer reads it.
   */
  recipientMicrosoftUser?: string;
  /**
   * Set on a message handed back to the queue to wait for its turn at the destination: the slot
   * reserved for it (epoch ms). It is sent when it comes back, without waiting again.
   */
  deferredTo?: number;
}

const shortHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 24);

/**
 * The id of one send (a delivery's key, or a digest's), which the message carries: the same on
 * every attempt, so a retry can find a message an earlier attempt left in Teams without hearing
 * back.
 */
export const sendIdFor = (sendKey: string): string => shortHash(`card:${sendKey}`);

const senderOf = (rule: Rule, check: PendingCheck | undefined): PlannedSender => ({
  ruleId: rule.id,
  ruleVersion: rule.version,
  ownerAccountId: rule.ownerAccountId,
  cql: rule.filters.cql,
  restrictedContent: rule.restrictedContent,
  ...(rule.mentions === false ? { mentions: false as const } : {}),
  ...(check ? { check } : {}),
});

/**
 * Several rules that match one event for one destination give one delivery. Senders are ordered
 * oldest rule first, so the choice is stable across retries.
 */
export const planDeliveries = (
  event: ContentEvent,
  matched: readonly Rule[],
  pending: ReadonlyMap<string, PendingCheck> = new Map(),
): PlannedDelivery[] => {
  const byDestination = new Map<string, Rule[]>();
  for (const rule of [...matched].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))) {
    const key = destinationKey(rule.destination, rule.ownerAccountId);
    byDestination.set(key, [...(byDestination.get(key) ?? []), rule]);
  }
  return [...byDestination.entries()].map(([destKey, rules]) => {
    const destHash = shortHash(destKey);
    return {
      deliveryKey: `${eventDedupKey(event)}:${destHash}`,
      concurrencyKey: `dest-${destHash}`,
      destination: rules[0].destination,
      senders: rules.map((rule) => senderOf(rule, pending.get(rule.id))),
      event,
    };
  });
};

/** Why a planned sender no longer sends: its rule was deleted, turned off, or changed since. */
export type StaleSender = 'deleted' | 'turned-off' | 'elsewhere' | 'no-longer-covers';

type SenderRecheck =
  { kind: 'current'; sender: PlannedSender } | { kind: 'stale'; why: StaleSender; detail?: string };

/**
 * Whether a rule as it is now (null: deleted) no longer posts to `destination` as `ownerAccountId`
 * at all: deleted, turned off, or moved to another channel, chat or owner. Null when it still does.
 */
export const ruleGone = (
  rule: Rule | null,
  ownerAccountId: string,
  destination: Destination,
): Exclude<StaleSender, 'no-longer-covers'> | null => {
  if (!rule) return 'deleted';
  if (!rule.enabled) return 'turned-off';
  const samePlace =
    rule.ownerAccountId === ownerAccountId &&
    destinationKey(rule.destination, rule.ownerAccountId) === destinationKey(destination, ownerAccountId);
  return samePlace ? null : 'elsewhere';
};

/**
 * A planned sender against its rule as it is now (null: deleted). An unchanged version keeps the
 * sender as planned. A changed rule must still be on, post as the same owner to the same channel
 * or chat, and cover the event by the trigger's own judgement (event kinds, scope, filters); it
 * then sends with its current settings (CQL, restricted-content mode, pending checks). So an edit
 * stops a queued delivery only when the rule as edited would not have sent it.
 */
export const recheckSender = (
  sender: PlannedSender,
  rule: Rule | null,
  delivery: Pick<PlannedDelivery, 'destination' | 'event'>,
): SenderRecheck => {
  const gone = ruleGone(rule, sender.ownerAccountId, delivery.destination);
  if (gone || !rule) return { kind: 'stale', why: gone ?? 'deleted' };
  if (rule.version === sender.ruleVersion) return { kind: 'current', sender };
  const verdict = judgeRule(rule, delivery.event);
  if (verdict.matched === false) return { kind: 'stale', why: 'no-longer-covers', detail: verdict.reason };
  return { kind: 'current', sender: senderOf(rule, sortRules([rule], delivery.event).pending.get(rule.id)) };
};
