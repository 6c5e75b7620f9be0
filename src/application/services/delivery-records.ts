import { UNKNOWN_OWNER, type DeliveryRecord, type DeliveryStatus } from '../../domain/delivery';
import type { PlannedDelivery } from '../../domain/delivery-plan';
import type { Destination } from '../../domain/rule';
import type { Clock } from '../ports/platform';
import type { DeliveryStore } from '../ports/stores';

/** Sent, skipped, failed and held are final for a queue message; `retrying` is not (invariant 4). */
export const isFinal = (status: DeliveryStatus): boolean => status !== 'retrying';

export type Recorder = (
  status: DeliveryStatus,
  extra: { ownerAccountId?: string; reason?: string; messageId?: string; title?: string; maybeSent?: true },
) => Promise<void>;

/**
 * The queue message as a row keeps it: without the event's title, which the consumer never reads
 * (it reads the content as the rule's owner), so a row holds ids until a view check has passed;
 * and without a pacing slot, which a retry sent from the delivery log has not waited for.
 */
const withoutTitle = ({ deferredTo, ...delivery }: PlannedDelivery): PlannedDelivery => ({
  ...delivery,
  event: { ...delivery.event, title: '' },
});

/**
 * Writes the delivery's row, which is both the idempotency record and the delivery log's line.
 * The row keeps the queue message (`request`) so a failed delivery can be sent again, and counts
 * attempts across such retries. It gets a title only from `extra.title`: the title the owner read
 * once their view check passed (invariant 3).
 */
export const deliveryRecorder = (
  deps: { deliveries: DeliveryStore; clock: Clock },
  delivery: PlannedDelivery,
  attempt: number,
  previous: DeliveryRecord | null,
): Recorder => {
  // An admin's Retry keeps the attempts so far; the queue's own retries count from 1 again.
  const priorAttempts = previous?.status === 'retrying' && !previous.maybeSent ? previous.attempts : 0;
  return (status, extra) =>
    deps.deliveries.put({
      schemaVersion: 1,
      key: delivery.deliveryKey,
      status,
      ownerAccountId: extra.ownerAccountId ?? delivery.senders[0].ownerAccountId,
      destination: delivery.destination,
      contentId: delivery.event.contentId,
      ...(extra.title ? { title: extra.title } : {}),
      attempts: priorAttempts + attempt,
      ...(extra.reason ? { reason: extra.reason } : {}),
      ...(extra.messageId ? { messageId: extra.messageId } : {}),
      ...(extra.maybeSent ? { maybeSent: true as const } : {}),
      request: withoutTitle(delivery),
      updatedAt: deps.clock.now().getTime(),
    });
};

/**
 * Marks the rows of events a digest carried as sent with it, or failed with it, or of events it
 * left out as skipped.
 */
export const settleHeldRows = async (
  deps: { deliveries: DeliveryStore; clock: Clock },
  keys: readonly string[],
  outcome: { status: 'sent'; messageId: string } | { status: 'failed' | 'skipped'; reason: string },
): Promise<void> => {
  for (const key of keys) {
    const row = await deps.deliveries.get(key);
    if (!row || row.status !== 'held') continue;
    await deps.deliveries.put({
      ...row,
      status: outcome.status,
      ...(outcome.status === 'sent'
        ? { messageId: outcome.messageId, reason: 'Sent in a digest' }
        : { reason: outcome.reason }),
      updatedAt: deps.clock.now().getTime(),
    });
  }
};

/** What the consumer could recover of a queue message it could not read. */
export interface UnreadableMessage {
  /** The message's delivery key when it had one, else a hash of the message: the same on redelivery. */
  key: string;
  contentId: string | null;
  ownerAccountId: string | null;
  destination: Destination | null;
  /** Where the message went wrong, as a field path (never a value from the message). */
  problem: string;
}

/**
 * Invariant 5 for a message that can never be sent: a failed row the site admin sees in delivery
 * health, keyed so a redelivered copy finds it and adds nothing. A final row already under that
 * key (the delivery went through another way) is left alone; a `retrying` one becomes failed.
 * Without a queue message to keep, the row offers no retry.
 */
export const recordUnreadableMessage = async (
  deps: { deliveries: DeliveryStore; clock: Clock },
  message: UnreadableMessage,
  attempt: number,
): Promise<'recorded' | 'already-recorded'> => {
  const previous = await deps.deliveries.get(message.key);
  if (previous && isFinal(previous.status)) return 'already-recorded';
  await deps.deliveries.put({
    schemaVersion: 1,
    key: message.key,
    status: 'failed',
    ownerAccountId: message.ownerAccountId ?? UNKNOWN_OWNER,
    destination: message.destination,
    contentId: message.contentId ?? '',
    attempts: (previous?.attempts ?? 0) + attempt,
    reason: `The delivery's queue message could not be read (${message.problem}), so nothing was sent. This is a defect in the app: please report it.`,
    updatedAt: deps.clock.now().getTime(),
  });
  return 'recorded';
};
