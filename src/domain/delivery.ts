import type { Destination } from './rule';

export type DeliveryStatus = 'sent' | 'failed' | 'skipped';

/** One row per delivery key: the idempotency record and the delivery log's line. */
export interface DeliveryRecord {
  schemaVersion: 1;
  key: string;
  status: DeliveryStatus;
  ownerAccountId: string;
  destination: Destination;
  contentId: string;
  title: string;
  attempts: number;
  reason?: string;
  messageId?: string;
  updatedAt: number;
}
