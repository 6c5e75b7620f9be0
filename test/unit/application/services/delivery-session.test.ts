import type {
  DeliveryChanges,
  DeliverySnapshotStore,
} from '../../../../src/application/ports/delivery-snapshot';
import { snapshotsOverStores } from '../../../../src/application/services/delivery-session';
import { deliverNotification } from '../../../../src/application/use-cases/notifications/deliver-notification';
import { DEFAULT_PREFERENCES } from '../../../../src/domain/preferences';
import { DEFAULT_FILTERS } from '../../../../src/domain/rule';
import { aConversation } from '../../../support/bot-fakes';
import { aRule } from '../../../support/builders';
import { fakeConfluence } from '../../../support/fakes';
import {
  attemptNo,
  deliveryDeps,
  OWNER,
  plannedDelivery,
  type DeliveryTestDeps,
} from '../../../support/delivery-harness';

/** The snapshot store over the fakes, counting its round trips. */
const counted = (deps: DeliveryTestDeps) => {
  const inner = snapshotsOverStores(deps);
  const calls = { reads: 0, writes: 0 };
  const written: DeliveryChanges[] = [];
  const snapshots: DeliverySnapshotStore = {
    read: async (request) => {
      calls.reads += 1;
      return inner.read(request);
    },
    write: async (changes) => {
      calls.writes += 1;
      written.push(changes);
      return inner.write(changes);
    },
  };
  return { deps: { ...deps, snapshots }, calls, written };
};

/**
 * A delivery's storage work (issue 15): one read of its records, one write of them, whatever
 * the outcome; content its rules' filters turn down reads nothing at all.
 */
describe('a delivery reads its records once and writes them once', () => {
  it('sends with one read and one write, and records the row and the activity', async () => {
    const base = deliveryDeps();
    const { deps, calls } = counted(base);
    const delivery = plannedDelivery({ contentId: 'session-1' });
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({ kind: 'sent' });
    expect(calls).toEqual({ reads: 1, writes: 1 });
    expect(base.rules.roundTrips()).toBe(1);
    expect(base.deliveries.recordFor(delivery.deliveryKey)).toMatchObject({ status: 'sent' });
    expect(base.activity.activityFor(delivery.concurrencyKey)?.cards).toBeDefined();
  });

  it('stops a duplicate after the one read, writing nothing and sending nothing more', async () => {
    const base = deliveryDeps();
    const { deps, calls } = counted(base);
    const delivery = plannedDelivery({ contentId: 'session-2' });
    await deliverNotification(deps, delivery, attemptNo(1));
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toEqual({
      kind: 'already-done',
      status: 'sent',
    });
    expect(calls).toEqual({ reads: 2, writes: 1 });
    expect(base.teams.postedCards()).toHaveLength(1);
  });

  it('reads no storage for content every rule’s label filter turns down', async () => {
    const base = deliveryDeps();
    const { deps, calls } = counted(base);
    const rule = aRule({
      id: 'labelled',
      ownerAccountId: OWNER,
      filters: { ...DEFAULT_FILTERS, labelsAny: ['release'] },
    });
    const planned = plannedDelivery({ contentId: 'session-3' }, [rule]);
    // As the trigger queues it: the event did not say the content's labels.
    const check = { labels: { labelsAny: ['release'], labelsAll: [], labelsNone: [] } };
    const delivery = { ...planned, senders: planned.senders.map((s) => ({ ...s, check })) };
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({ kind: 'skipped' });
    expect(calls).toEqual({ reads: 0, writes: 0 });
    expect(base.rules.roundTrips()).toBe(0);
    expect(base.deliveries.recordCount()).toBe(0);
  });

  it('holds a personal card with one read and one write, the held card in that write', async () => {
    // Held, not sent: no token of any kind is needed.
    const base = deliveryDeps();
    const microsoftUser = `t:oid-${OWNER}`;
    await base.conversations.put(aConversation({ microsoftUser, tenantId: 't', oid: `oid-${OWNER}` }));
    await base.preferences.put(OWNER, { ...DEFAULT_PREFERENCES, dailyDigest: true });
    const { deps, calls, written } = counted(base);
    const rule = aRule({ ownerAccountId: OWNER, destination: { type: 'personal' } });
    const delivery = {
      ...plannedDelivery({ contentId: 'session-5' }, [rule]),
      personalReasons: ['rule' as const],
      recipientMicrosoftUser: microsoftUser,
    };
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toEqual({ kind: 'held' });
    expect(calls).toEqual({ reads: 1, writes: 1 });
    expect(written[0]?.personalDigests?.map((d) => d.items.map((i) => i.deliveryKey))).toEqual([
      [delivery.deliveryKey],
    ]);
    expect(base.personalDigests.digestOf(OWNER)?.items).toHaveLength(1);
    expect(base.deliveries.recordFor(delivery.deliveryKey)).toMatchObject({ status: 'held' });
  });

  it('keeps a row already sent when a later copy fails before reading its records', async () => {
    const base = deliveryDeps();
    const delivery = plannedDelivery({ contentId: 'session-4' });
    await deliverNotification(base, delivery, attemptNo(1));
    const down = fakeConfluence({
      getContentAs: async () => {
        throw new Error('Confluence is down');
      },
    });
    const failing = { ...base, ...down };
    expect(await deliverNotification(failing, delivery, attemptNo(5))).toEqual({
      kind: 'already-done',
      status: 'sent',
    });
    expect(base.deliveries.recordFor(delivery.deliveryKey)).toMatchObject({ status: 'sent' });
  });
});
