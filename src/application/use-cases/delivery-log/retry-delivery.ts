import type { DeliveryLogEntry } from '../../../contracts/deliveries';
import { AppError } from '../../../domain/app-error';
import type { DeliveryRecord } from '../../../domain/delivery';
import type { Caller } from '../../services/authority';
import { toLogEntries, type DeliveryLogDeps } from './delivery-log';
import type { Clock, DeliveryQueue } from '../../ports/platform';

interface RetryDeliveryDeps extends DeliveryLogDeps {
  queue: DeliveryQueue;
  clock: Clock;
}

/**
 * Sends a failed delivery again: the row turns `retrying` (attempts kept, so the log shows the
 * history) and its original queue message goes back on the queue, where the consumer treats
 * `retrying` as not final. Only a site admin or the rule's owner may ask.
 */
export const retryDelivery = async (
  deps: RetryDeliveryDeps,
  caller: Caller,
  key: string,
): Promise<DeliveryLogEntry> => {
  const record = await deps.deliveries.get(key);
  if (!record) throw new AppError('not_found', 'That delivery is no longer in the log.');
  if (record.ownerAccountId !== caller.accountId && !(await deps.permissions.isSiteAdmin(caller.accountId))) {
    const ownerName = await deps.people.displayNameOf(record.ownerAccountId);
    throw new AppError(
      'forbidden',
      `Only a site admin or ${ownerName}, who owns the rule, can retry this delivery.`,
    );
  }
  if (record.status !== 'failed') {
    throw new AppError('conflict', `Only a failed delivery can be retried; this one is ${record.status}.`);
  }
  if (!record.request) {
    throw new AppError(
      'conflict',
      'This delivery was recorded without its message, so it cannot be sent again.',
    );
  }
  const retrying: DeliveryRecord = { ...record, status: 'retrying', updatedAt: deps.clock.now().getTime() };
  await deps.deliveries.put(retrying);
  try {
    await deps.queue.enqueue([record.request]);
  } catch (error) {
    // Nothing will send it: leave the row failed, so the log does not promise a retry.
    await deps.deliveries.put(record);
    throw error;
  }
  const [entry] = await toLogEntries(deps, caller.accountId, [retrying], () => true);
  return entry;
};
