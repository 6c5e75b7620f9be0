import { Queue } from '@forge/events';
import type { DeliveryQueue, DeliveryRequeue } from '../application/ports/platform';
import type { PlannedDelivery } from '../domain/delivery-plan';
import type { PersonalAudienceRequest } from '../domain/personal-notification';
import { hashKeyPart } from './kvs-keys';

export const DELIVERY_QUEUE_KEY = 'deliveries';
/** Forge accepts at most 50 events and 200 KB per push; keep a margin for the envelope. */
const PUSH_MAX_EVENTS = 50;
const PUSH_MAX_BYTES = 180 * 1024;
/** Forge delays a queue event by at most 900 seconds; a pacing wait is at least one. */
const MAX_DELAY_SECONDS = 900;

const queue = new Queue({ key: DELIVERY_QUEUE_KEY });

type PushEvent = {
  body: DeliveryMessage | { personalAudience: PersonalAudienceRequest };
  concurrency: { key: string; limit: number };
};

/**
 * One queue event per delivery. The concurrency key keeps one send at a time per channel or
 * chat: Teams allows about 4 requests per second to one channel.
 */
const toEvent = (delivery: PlannedDelivery): PushEvent => ({
  body: { delivery },
  concurrency: { key: delivery.concurrencyKey, limit: 1 },
});

/** Cuts the events into pushes within both limits, in order (one delivery is a few KB at most). */
const pushBatches = <T>(events: readonly T[]): T[][] => {
  const batches: T[][] = [];
  let current: T[] = [];
  let bytes = 0;
  for (const event of events) {
    const size = Buffer.byteLength(JSON.stringify(event));
    if (current.length > 0 && (current.length >= PUSH_MAX_EVENTS || bytes + size > PUSH_MAX_BYTES)) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(event);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
};

export const forgeDeliveryQueue: DeliveryQueue & DeliveryRequeue = {
  enqueue: async (deliveries, personal) => {
    const events: PushEvent[] = deliveries.map(toEvent);
    // The personal side runs apart from any destination's sends, one event at a time per content.
    if (personal)
      events.push({
        body: { personalAudience: personal },
        concurrency: { key: `audience-${hashKeyPart(personal.event.contentId)}`, limit: 1 },
      });
    for (const batch of pushBatches(events)) await queue.push(batch);
  },
  // A new event, not an InvocationError: a wait for the destination's turn is no failure, and
  // must not use up the platform's four retries.
  defer: async (delivery, delaySeconds) => {
    await queue.push({
      ...toEvent(delivery),
      delayInSeconds: Math.min(MAX_DELAY_SECONDS, Math.max(1, Math.ceil(delaySeconds))),
    });
  },
};

type DeliveryMessage = { delivery: PlannedDelivery };
