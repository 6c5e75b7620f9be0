import type { DestinationActivity } from '../../domain/destination-activity';
import type { GraphDestination } from '../../domain/rule';

/** Recent activity per destination (keyed by the delivery's concurrency key), for "no flood". */
/**
 * A destination's activity. `get` brings the cards of the pages named (others need not be read:
 * a delivery looks at its own page's card only); `put` stores the record and every card in its
 * `cards`, and never forgets a card it was not given.
 */
export interface DestinationActivityStore {
  get(destinationKey: string, contentIds?: readonly string[]): Promise<DestinationActivity | null>;
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
