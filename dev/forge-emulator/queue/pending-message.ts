/** Retry information delivered with a retried event (async-events-api "RetryContext"). */
export interface RetryContext {
  retryCount: number;
  retryReason: string;
  retryData?: unknown;
}

/** A queue event (for one consumer) or a product event retry (for one trigger) waiting for delivery. */
export interface PendingMessage {
  /** Unique per delivery copy; a duplicated message shares `eventId` but not `id`. */
  id: string;
  kind: 'queue' | 'event';
  /** Queue name or product event type. */
  source: string;
  /** Consumer or trigger module key. */
  moduleKey: string;
  functionKey: string;
  eventId: string;
  jobId?: string;
  /** The pushed `body`, or the product event as first delivered. */
  body: unknown;
  delayInSeconds?: number;
  concurrency?: { key: string; limit: number };
  /** Real epoch ms at which it may be delivered (waits are scaled by delayScale). */
  readyAt: number;
  /** Clock ms of the first enqueue: start of the retention window. */
  enqueuedAt: number;
  retryCount: number;
  retryContext?: RetryContext;
  /** Enqueue order, for in-order delivery when faults.reorder is off. */
  seq: number;
}
