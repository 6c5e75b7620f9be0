import type { DeliveryStatus } from '../contracts/deliveries';
import type { PlannedDelivery } from './delivery-plan';
import type { Destination } from './rule';

// The delivery log shows statuses as they are: src/contracts/deliveries.ts defines them once.
export type { DeliveryStatus };

/**
 * The owner of a row recorded from a queue message that names none the consumer could read:
 * no Atlassian account id looks like it, so no one's "my deliveries" lists the row.
 */
export const UNKNOWN_OWNER = 'unknown-owner';

/** One row per delivery key: the idempotency record and the delivery log's line. */
export interface DeliveryRecord {
  schemaVersion: 1;
  key: string;
  status: DeliveryStatus;
  /** The sender's account, or UNKNOWN_OWNER. */
  ownerAccountId: string;
  /** Null when a queue message the consumer could not read named none. */
  destination: Destination | null;
  /** '' when a queue message the consumer could not read named none. */
  contentId: string;
  /**
   * The title as the rule's owner read it, set only once their view check passed (invariant 3);
   * the log shows each reader the title they can see, never this one to someone who cannot.
   */
  title?: string;
  /**
   * What the row is about when it is not one piece of content (a new rule's catch-up): the log
   * shows it instead of a title. The app's own words, never Confluence text.
   */
  summary?: string;
  attempts: number;
  /**
   * Written by a queue attempt whose send may have reached Teams unseen: the row is `retrying`
   * so any other copy of the queue message looks in Teams first, and its attempts are the
   * queue's own count, not a base to add the next attempt to.
   */
  maybeSent?: true;
  reason?: string;
  messageId?: string;
  /** The queue message that produced this row, kept so a failed delivery can be retried. */
  request?: PlannedDelivery;
  updatedAt: number;
}
