import { createHash } from 'node:crypto';
import { eventDedupKey, type ContentEvent } from './content-event';
import { destinationKey, type Destination, type Rule } from './rule';

/** One card to one destination, on behalf of one rule owner. */
export interface PlannedDelivery {
  /** Idempotency key: the same event and destination always give the same key. */
  deliveryKey: string;
  /** Serialises sends to one channel or chat (Teams allows a few requests per second each). */
  concurrencyKey: string;
  destination: Destination;
  ownerAccountId: string;
  ruleIds: string[];
  event: ContentEvent;
}

const shortHash = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 24);

/**
 * Several rules that match one event for one destination give one delivery. The oldest rule
 * wins the right to send (its owner posts), so the choice is stable across retries.
 */
export const planDeliveries = (event: ContentEvent, matched: readonly Rule[]): PlannedDelivery[] => {
  const byDestination = new Map<string, Rule[]>();
  for (const rule of [...matched].sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id))) {
    const key = destinationKey(rule.destination);
    byDestination.set(key, [...(byDestination.get(key) ?? []), rule]);
  }
  return [...byDestination.entries()].map(([destKey, rules]) => {
    const sender = rules[0];
    const destHash = shortHash(destKey);
    return {
      deliveryKey: `${eventDedupKey(event)}:${destHash}`,
      concurrencyKey: `dest-${destHash}`,
      destination: sender.destination,
      ownerAccountId: sender.ownerAccountId,
      ruleIds: rules.map((r) => r.id),
      event,
    };
  });
};
