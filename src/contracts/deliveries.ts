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
  /** Counts of delivery rows (one per change and destination) over the last `windowDays` days. */
  windowDays: number;
  /** Rows sent: a card posted, updated or replied to. */
  sent: number;
  /** Rows failed now. */
  failed: number;
  /** Rows that took more than one attempt, or are being retried. */
  retried: number;
  /**
   * Rows the check when sending stopped: the rule owner could not view the content, or the rule
   * was changed, turned off or deleted since the change. What a rule's filters leave out (minor
   * edits, the owner's own changes) never becomes a row and is not counted.
   */
  skipped: number;
  /** Failed and retrying rows, newest first, and the rows the page follows as they are now. */
  latestFailures: DeliveryLogEntry[];
}
