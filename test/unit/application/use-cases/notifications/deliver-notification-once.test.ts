import { deliverNotification } from '../../../../../src/application/use-cases/notifications/deliver-notification';
import type { DeliveryStatus } from '../../../../../src/domain/delivery';
import {
  deliveryDeps,
  NOW,
  OWNER,
  plannedDelivery,
  attemptNo,
  storedRequestOf,
} from '../../../../support/delivery-harness';

const delivery = plannedDelivery();

/** Each delivery posts at most once: a row that is final stops a second run (invariant 4). */
describe('deliverNotification', () => {
  it('posts once and records the message with its request; a second run does nothing (invariant 4)', async () => {
    const deps = deliveryDeps();
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toEqual({
      kind: 'sent',
      messageId: 'm-1',
      via: 'post',
    });
    expect(await deliverNotification(deps, delivery, attemptNo(2))).toEqual({
      kind: 'already-done',
      status: 'sent',
    });
    expect(deps.teams.postedCards()).toHaveLength(1);
    expect(deps.deliveries.recordFor(delivery.deliveryKey)).toMatchObject({
      status: 'sent',
      messageId: 'm-1',
      ownerAccountId: OWNER,
      attempts: 1,
      request: storedRequestOf(delivery),
    });
  });

  it.each<DeliveryStatus>(['sent', 'skipped', 'failed', 'held'])(
    'treats a %s row as final',
    async (status) => {
      const deps = deliveryDeps();
      await deps.deliveries.put({ ...baseRow(), status });
      expect(await deliverNotification(deps, delivery, attemptNo(1))).toEqual({
        kind: 'already-done',
        status,
      });
      expect(deps.teams.postedCards()).toHaveLength(0);
    },
  );

  it('sends a row an admin set to retrying, once, counting the earlier attempts', async () => {
    const deps = deliveryDeps();
    await deps.deliveries.put({
      ...baseRow(),
      status: 'retrying',
      attempts: 5,
      reason: 'Teams answered 503',
    });
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({ kind: 'sent' });
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toEqual({
      kind: 'already-done',
      status: 'sent',
    });
    expect(deps.teams.postedCards()).toHaveLength(1);
    expect(deps.deliveries.recordFor(delivery.deliveryKey)).toMatchObject({ status: 'sent', attempts: 6 });
    expect(deps.deliveries.recordFor(delivery.deliveryKey)?.reason).toBeUndefined();
  });
});

function baseRow() {
  return {
    schemaVersion: 1 as const,
    key: delivery.deliveryKey,
    status: 'sent' as DeliveryStatus,
    ownerAccountId: OWNER,
    destination: delivery.destination,
    contentId: delivery.event.contentId,
    title: delivery.event.title,
    attempts: 1,
    request: delivery,
    updatedAt: NOW,
  };
}
