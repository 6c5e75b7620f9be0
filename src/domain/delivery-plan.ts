import { createHash } from 'node:crypto';
import { eventDedupKey, type ContentEvent } from './content-event';
import { destinationKey, type Destination, type RestrictedContentMode, type Rule } from './rule';
import type { PendingCheck } from './rule-matcher';

/**
 * A rule that may send one delivery. The consumer takes the first sender whose owner can view
 * the content and whose CQL filter matches (both checked as that owner, which the trigger
 * cannot afford), and falls back to a redacted card when a sender asks for one.
 */
export interface PlannedSender {
  ruleId: string;
  ownerAccountId: string;
  /** The rule's advanced filter, evaluated by the consumer as `id = <id> AND (<cql>)`; '' for none. */
  cql: string;
  restrictedContent: RestrictedContentMode;
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
}

const shortHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 24);

/**
 * The id of the card attachment of the message that carries one send (a delivery's key, or a
 * digest's): the same on every attempt, so a retry can find a message an earlier attempt left in
 * Teams without hearing back.
 */
export const attachmentIdFor = (sendKey: string): string => shortHash(`card:${sendKey}`);

const senderOf = (rule: Rule, check: PendingCheck | undefined): PlannedSender => ({
  ruleId: rule.id,
  ownerAccountId: rule.ownerAccountId,
  cql: rule.filters.cql,
  restrictedContent: rule.restrictedContent,
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
