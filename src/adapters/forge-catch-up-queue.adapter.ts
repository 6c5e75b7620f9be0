import { Queue } from '@forge/events';
import type { CatchUpQueue } from '../application/ports/catch-up-queue';
import { DELIVERY_QUEUE_KEY } from './forge-delivery-queue.adapter';

const queue = new Queue({ key: DELIVERY_QUEUE_KEY });

/** A catch-up rides the delivery queue (its consumer tells it apart), one send at a time per destination. */
export const forgeCatchUpQueue: CatchUpQueue = {
  enqueue: async (request, concurrencyKey) => {
    await queue.push({ body: { catchUp: request }, concurrency: { key: concurrencyKey, limit: 1 } });
  },
};
