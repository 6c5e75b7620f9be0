/**
 * `retrying`: an admin or the rule owner asked to send a failed delivery again; not final.
 * `held`: waiting in its destination's digest (sent with it, or failed with it); final for the
 * queue message, so a duplicate does not hold it twice.
 */
export type DeliveryStatus = 'sent' | 'failed' | 'skipped' | 'retrying' | 'held';

/** One line of the delivery log. */
export interface DeliveryLogEntry {
  key: string;
  status: DeliveryStatus;
  contentId: string;
  title: string;
  destinationLabel: string;
  ownerAccountId: string;
  ownerName: string;
  attempts: number;
  reason: string | null;
  updatedAt: string;
  /** Failed, and the caller is a site admin or the rule owner. */
  canRetry: boolean;
}

export interface DeliveryHealthView {
  /** Counts over the last `windowDays` days. */
  windowDays: number;
  sent: number;
  failed: number;
  retried: number;
  skipped: number;
  latestFailures: DeliveryLogEntry[];
}
