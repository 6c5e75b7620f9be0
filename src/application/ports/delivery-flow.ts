import type { DestinationActivity } from '../../domain/destination-activity';
import type { GraphDestination } from '../../domain/rule';

/** Recent activity per destination (keyed by the delivery's concurrency key), for "no flood". */
export interface DestinationActivityStore {
  get(destinationKey: string): Promise<DestinationActivity | null>;
  put(destinationKey: string, activity: DestinationActivity): Promise<void>;
}

/** Where a digest goes; it travels on the delivery queue under the destination's concurrency key. */
export interface DigestRequest {
  concurrencyKey: string;
  destination: GraphDestination;
  /** Set when the digest was handed back to the queue to wait for its turn: its reserved slot. */
  deferredTo?: number;
}

/** Sends a destination's held events as one digest after a delay (the end of its window). */
export interface DigestScheduler {
  schedule(request: DigestRequest, delaySeconds: number): Promise<void>;
}
