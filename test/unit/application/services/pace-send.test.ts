import { deliverNotification } from '../../../../src/application/use-cases/notifications/deliver-notification';
import { flushDigest } from '../../../../src/application/use-cases/notifications/flush-digest';
import type { DigestRequest } from '../../../../src/application/ports/delivery-flow';
import { emptyActivity } from '../../../../src/domain/destination-activity';
import type { GraphDestination } from '../../../../src/domain/rule';
import { DEFAULT_FLOOD_SETTINGS } from '../../../../src/domain/send-plan';
import { deliveryDeps, NOW, plannedDelivery, attemptNo } from '../../../support/delivery-harness';

/**
 * Pacing by queue delays (issue 15): a send too soon after the last request to its channel goes
 * back to the queue for a reserved slot instead of sleeping in a billed function. The fake clock
 * stands still, as the real clock seems to in the emulator, whose queue delays are scaled down.
 */
const GAP = DEFAULT_FLOOD_SETTINGS.requestGapMs;
const paced = () => {
  const deps = { ...deliveryDeps(), flood: DEFAULT_FLOOD_SETTINGS };
  let tokenReads = 0;
  const tokens = {
    ...deps.tokens,
    get: (id: string) => {
      tokenReads += 1;
      return deps.tokens.get(id);
    },
  };
  return { ...deps, tokens, tokenReads: () => tokenReads };
};
const page = (n: number) =>
  plannedDelivery({
    contentId: String(80000 + n),
    version: 2,
    occurredAt: new Date(NOW + n * 1000).toISOString(),
  });

describe('pacing requests to one channel by queue delays', () => {
  it('hands a send that comes too soon back to the queue, with its slot, and sends nothing', async () => {
    const deps = paced();
    expect(await deliverNotification(deps, page(0), attemptNo(1))).toMatchObject({ kind: 'sent' });
    const reads = deps.tokenReads();
    expect(await deliverNotification(deps, page(1), attemptNo(1))).toEqual({
      kind: 'paced',
      slotAt: NOW + GAP,
      delaySeconds: 1,
    });
    expect(deps.queue.deferred()).toEqual([
      { delivery: { ...page(1), deferredTo: NOW + GAP }, delaySeconds: 1 },
    ]);
    expect(deps.teams.postedCards()).toHaveLength(1);
    // Decided before the token and the card: a deferral reads no secret and writes no row.
    expect(deps.tokenReads()).toBe(reads);
    expect(deps.deliveries.recordFor(page(1).deliveryKey)).toBeUndefined();
    expect(deps.activity.activityFor(page(1).concurrencyKey)?.reservedSlotAt).toBe(NOW + GAP);
  });

  it('queues later sends behind the slots already promised', async () => {
    const deps = paced();
    await deliverNotification(deps, page(0), attemptNo(1));
    for (const n of [1, 2, 3, 4]) await deliverNotification(deps, page(n), attemptNo(1));
    expect(deps.queue.deferred().map((d) => [d.delivery.deferredTo, d.delaySeconds])).toEqual([
      [NOW + GAP, 1],
      [NOW + 2 * GAP, 1],
      [NOW + 3 * GAP, 1],
      [NOW + 4 * GAP, 2],
    ]);
  });

  it('sends a deferred message when it comes back, without waiting again, even if the clock stood still', async () => {
    const deps = paced();
    await deliverNotification(deps, page(0), attemptNo(1));
    await deliverNotification(deps, page(1), attemptNo(1));
    const [back] = deps.queue.deferred();
    if (!back) throw new Error('expected a deferral');
    expect(await deliverNotification(deps, back.delivery, attemptNo(1))).toMatchObject({
      kind: 'sent',
      via: 'post',
    });
    // Delivered twice (at least once), it is still one message (invariant 4).
    expect(await deliverNotification(deps, back.delivery, attemptNo(1))).toMatchObject({
      kind: 'already-done',
    });
    expect(deps.teams.postedCards()).toHaveLength(2);
    expect(deps.queue.deferred()).toHaveLength(1);
    // The row keeps the message as queued: a retry from the delivery log waits for a turn of its own.
    expect(deps.deliveries.recordFor(page(1).deliveryKey)?.request).toEqual(
      expect.not.objectContaining({ deferredTo: expect.anything() }),
    );
  });

  it('lets a later edit that overtakes a paced one keep the card on the newest version', async () => {
    const deps = paced();
    const edit = (version: number, seconds: number) =>
      plannedDelivery({
        kind: 'page_updated',
        contentId: '81000',
        version,
        occurredAt: new Date(NOW + seconds * 1000).toISOString(),
      });
    await deliverNotification(deps, edit(3, 0), attemptNo(1));
    expect(await deliverNotification(deps, edit(4, 1), attemptNo(1))).toMatchObject({ kind: 'paced' });
    deps.clock.advance(2 * GAP);
    // Version 5 comes after the slot promised to version 4 has passed, and goes first.
    expect(await deliverNotification(deps, edit(5, 2), attemptNo(1))).toMatchObject({ via: 'update' });
    const [back] = deps.queue.deferred();
    if (!back) throw new Error('expected a deferral');
    expect(await deliverNotification(deps, back.delivery, attemptNo(1))).toMatchObject({
      via: 'already-shown',
    });
    expect(deps.teams.updatedCards()).toHaveLength(1);
    expect(deps.activity.activityFor(back.delivery.concurrencyKey)?.cards['81000']?.version).toBe(5);
  });

  it('does not pace a platform retry: it waited Retry-After, and a new message would reset its retries', async () => {
    const deps = paced();
    await deliverNotification(deps, page(0), attemptNo(1));
    expect(await deliverNotification(deps, page(1), attemptNo(2))).toMatchObject({ kind: 'sent' });
    expect(deps.queue.deferred()).toEqual([]);
  });

  it('sends at once when the last request is a gap or more ago', async () => {
    const deps = paced();
    await deliverNotification(deps, page(0), attemptNo(1));
    deps.clock.advance(GAP);
    expect(await deliverNotification(deps, page(1), attemptNo(1))).toMatchObject({ kind: 'sent' });
  });

  it('does not pace what makes no request: a change held for the digest', async () => {
    const deps = paced();
    const key = page(0).concurrencyKey;
    await deps.activity.put(key, {
      ...emptyActivity(),
      lastRequestAt: NOW,
      burst: { startedAt: NOW, count: DEFAULT_FLOOD_SETTINGS.burstLimit },
    });
    expect(await deliverNotification(deps, page(9), attemptNo(1))).toEqual({ kind: 'held' });
    expect(deps.queue.deferred()).toEqual([]);
  });

  it('paces a digest the same way, and sends it when it comes back', async () => {
    const deps = paced();
    const request: DigestRequest = {
      concurrencyKey: page(0).concurrencyKey,
      destination: page(0).destination as GraphDestination,
    };
    // Five cards a gap apart, and a sixth held for the digest right after the fifth.
    for (let n = 0; n < 6; n += 1) {
      if (n < 5) deps.clock.advance(GAP);
      await deliverNotification(deps, page(n), attemptNo(1));
    }
    expect(await flushDigest(deps, request, attemptNo(1))).toEqual({ kind: 'paced', delaySeconds: 1 });
    const [scheduled] = deps.digests.scheduledDigests().slice(-1);
    expect(scheduled).toEqual({ request: { ...request, deferredTo: NOW + 6 * GAP }, delaySeconds: 1 });
    expect(deps.activity.activityFor(request.concurrencyKey)?.held).toHaveLength(1);
    expect(await flushDigest(deps, { ...request, deferredTo: NOW + 6 * GAP }, attemptNo(1))).toMatchObject({
      kind: 'sent',
      items: 1,
    });
  });
});
