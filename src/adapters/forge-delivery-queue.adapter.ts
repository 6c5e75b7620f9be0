import { Queue } from '@forge/events';
import type { DeliveryQueue } from '../application/ports/platform';
import type { PlannedDelivery } from '../domain/delivery-plan';

export const DELIVERY_QUEUE_KEY = 'deliveries';
/** Forge accepts at most 50 events per push. */
const PUSH_BATCH = 50;

const queue = new Queue({ key: DELIVERY_QUEUE_KEY });

/**
 * One queue event per delivery. The concurrency key keeps one send at a time per channel or
 * chat: Teams allows about 4 requests per second to one channel.
 */
export const forgeDeliveryQueue: DeliveryQueue = {
  enqueue: async (deliveries) => {
    for (let i = 0; i < deliveries.length; i += PUSH_BATCH) {
      await queue.push(
        deliveries.slice(i, i + PUSH_BATCH).map((delivery) => ({
          body: { delivery },
          concurrency: { key: delivery.concurrencyKey, limit: 1 },
        })),
      );
    }
  },
};

export type DeliveryMessage = { delivery: PlannedDelivery };
