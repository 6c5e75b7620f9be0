import { Queue } from '@forge/events';
import type { DigestScheduler } from '../application/ports/delivery-flow';
import { DELIVERY_QUEUE_KEY } from './forge-delivery-queue.adapter';

const queue = new Queue({ key: DELIVERY_QUEUE_KEY });

/** Forge delays a queue event by at most 900 seconds. */
const MAX_DELAY_SECONDS = 900;

/**
 * A digest travels on the delivery queue under its destination's concurrency key, so it never
 * runs alongside a delivery to the same channel.
 */
export const forgeDigestScheduler: DigestScheduler = {
  schedule: async (request, delaySeconds) => {
    await queue.push({
      body: { digest: request },
      delayInSeconds: Math.min(MAX_DELAY_SECONDS, Math.max(1, Math.ceil(delaySeconds))),
      concurrency: { key: request.concurrencyKey, limit: 1 },
    });
  },
};
