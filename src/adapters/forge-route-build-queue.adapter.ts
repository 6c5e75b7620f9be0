import { Queue } from '@forge/events';
import type { RouteBuildQueue } from '../application/ports/platform';
import { hashKeyPart } from './kvs-keys';

export const ROUTE_BUILD_QUEUE_KEY = 'rule-routes';

const queue = new Queue({ key: ROUTE_BUILD_QUEUE_KEY });

/**
 * One event per partition, one build at a time per partition: the requests that follow the
 * first (every event in the partition asks until it is built) find its markers and stop.
 */
export const forgeRouteBuildQueue: RouteBuildQueue = {
  request: async (partitions) => {
    if (partitions.length === 0) return;
    await queue.push(
      partitions.map((partition) => ({
        body: { partition },
        concurrency: { key: `routes-${hashKeyPart(partition)}`, limit: 1 },
      })),
    );
  },
};
