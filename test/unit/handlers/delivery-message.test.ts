import { recordUnreadableMessage } from '../../../src/application/services/delivery-records';
import { UNKNOWN_OWNER } from '../../../src/domain/delivery';
import {
  attemptOf,
  deliveryQueueEventSchema,
  unreadableMessage,
} from '../../../src/handlers/delivery-message';
import { plannedDelivery } from '../../support/delivery-harness';
import { fakeDeliveryStore, fixedClock } from '../../support/fakes';
import { aDeliveryRecord } from '../../support/settings-builders';

/** Invariant 5 for queue messages the consumer cannot read: recorded once, never dropped silently. */
describe('an unreadable delivery queue message', () => {
  const good = plannedDelivery();
  const broken = { ...good, senders: [] };

  it('recovers the delivery key, content, destination and first sender that still read', () => {
    const withOwner = { ...good, event: { ...good.event, version: 'seven' } };
    expect(unreadableMessage({ body: { delivery: withOwner } })).toEqual({
      key: good.deliveryKey,
      contentId: good.event.contentId,
      ownerAccountId: good.senders[0]?.ownerAccountId,
      destination: good.destination,
      problem: 'delivery.event.version',
    });
    expect(unreadableMessage({ body: { delivery: broken } })).toMatchObject({
      key: good.deliveryKey,
      ownerAccountId: null,
      problem: 'delivery.senders',
    });
  });

  it('keys a message with nothing identifiable by a hash of its body, the same on redelivery', () => {
    const first = unreadableMessage({ body: { nonsense: [1, 2] }, retryContext: { retryCount: 0 } });
    const again = unreadableMessage({ body: { nonsense: [1, 2] }, retryContext: { retryCount: 3 } });
    const other = unreadableMessage({ body: { nonsense: [2, 1] } });
    expect(first).toEqual({
      key: expect.stringMatching(/^unreadable:[0-9a-f]{32}$/),
      contentId: null,
      ownerAccountId: null,
      destination: null,
      problem: 'neither a delivery, a digest nor a bot job',
    });
    expect(again.key).toBe(first.key);
    expect(other.key).not.toBe(first.key);
    for (const event of [null, 'text', { body: null }, { body: [] }])
      expect(unreadableMessage(event).key).toMatch(/^unreadable:/);
  });

  it('never puts a value from the message in the problem', () => {
    const hostile = {
      body: { delivery: { ...good, deliveryKey: 7, senders: [{ ownerAccountId: '<script>' }] } },
    };
    expect(unreadableMessage(hostile).problem).toBe('delivery.deliveryKey');
  });

  it('reads the slot a paced delivery or digest carries, and nothing but a time in it', () => {
    const digest = { concurrencyKey: good.concurrencyKey, destination: good.destination };
    for (const body of [
      { delivery: { ...good, deferredTo: 1_700_000_000_300 } },
      { digest: { ...digest, deferredTo: 1_700_000_000_300 } },
    ])
      expect(deliveryQueueEventSchema.parse({ body }).body).toEqual(body);
    expect(unreadableMessage({ body: { delivery: { ...good, deferredTo: 'soon' } } }).problem).toBe(
      'delivery.deferredTo',
    );
    expect(
      deliveryQueueEventSchema.safeParse({ body: { digest: { ...digest, deferredTo: -1 } } }).success,
    ).toBe(false);
  });

  it('reads a good message whose retry context the platform shaped differently', () => {
    expect(
      deliveryQueueEventSchema.safeParse({ body: { delivery: good }, retryContext: 'odd' }).success,
    ).toBe(true);
    expect(attemptOf({ body: 1, retryContext: { retryCount: 2 } })).toBe(3);
    expect(attemptOf(null)).toBe(1);
  });

  describe('recordUnreadableMessage', () => {
    const message = unreadableMessage({ body: { delivery: broken } });
    const deps = (rows = fakeDeliveryStore()) => ({ deliveries: rows, clock: fixedClock() });

    it('records a failed row without a retry, naming where the message went wrong', async () => {
      const d = deps();
      expect(await recordUnreadableMessage(d, message, 1)).toBe('recorded');
      expect(d.deliveries.recordFor(good.deliveryKey)).toEqual({
        schemaVersion: 1,
        key: good.deliveryKey,
        status: 'failed',
        ownerAccountId: UNKNOWN_OWNER,
        destination: good.destination,
        contentId: good.event.contentId,
        attempts: 1,
        reason:
          "The delivery's queue message could not be read (delivery.senders), so nothing was sent. This is a defect in the app: please report it.",
        updatedAt: Date.parse('2026-11-22T10:00:00Z'),
      });
    });

    it('adds nothing for a redelivered copy, and leaves a final row alone', async () => {
      const d = deps();
      await recordUnreadableMessage(d, message, 1);
      const first = d.deliveries.recordFor(good.deliveryKey);
      expect(await recordUnreadableMessage(d, message, 2)).toBe('already-recorded');
      expect(d.deliveries.recordFor(good.deliveryKey)).toEqual(first);
      const sent = aDeliveryRecord({ key: good.deliveryKey, status: 'sent' });
      const withSent = deps(fakeDeliveryStore([sent]));
      expect(await recordUnreadableMessage(withSent, message, 1)).toBe('already-recorded');
      expect(withSent.deliveries.recordFor(good.deliveryKey)).toEqual(sent);
    });

    it('turns a retrying row failed, counting its attempts', async () => {
      const retrying = aDeliveryRecord({ key: good.deliveryKey, status: 'retrying', attempts: 5 });
      const d = deps(fakeDeliveryStore([retrying]));
      await recordUnreadableMessage(d, message, 1);
      expect(d.deliveries.recordFor(good.deliveryKey)).toMatchObject({ status: 'failed', attempts: 6 });
    });
  });
});
