import type { CatchUpRequest } from '../../domain/catch-up';

/** Where a new rule's catch-up waits to be sent, off the request that created the rule. */
export interface CatchUpQueue {
  /** `concurrencyKey`: the rule's destination's, so the catch-up takes its turn with its cards. */
  enqueue(request: CatchUpRequest, concurrencyKey: string): Promise<void>;
}
