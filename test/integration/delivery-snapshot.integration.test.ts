import type { DeliverySnapshot } from '../../src/application/ports/delivery-snapshot';
import { emptyActivity } from '../../src/domain/destination-activity';
import { aConnection } from '../support/delivery-harness';
import { aRule } from '../support/builders';
import { startAdapterHarness, type AdapterHarness } from './support/adapter-harness';

/**
 * The consumer's one read and one write per delivery (issue 15), with the real @forge/kvs
 * batchGet and batchSet, over the keys the single-record adapters use.
 */
describe('kvsDeliverySnapshotStore against the Forge emulator', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness();
  });
  afterAll(() => h.stop());

  const connection = { ...aConnection('snap-owner'), updatedAt: '2026-12-01T00:00:00Z' };
  const ops = () => h.forge.stats.snapshot().kvs.ops;
  const row = (key: string) => ({
    schemaVersion: 1,
    key,
    status: 'sent',
    ownerAccountId: 'snap-owner',
    destination: { type: 'chat', chatId: '19:snap@thread.v2', chatName: 'x' },
    contentId: '1',
    attempts: 1,
    updatedAt: 5,
  });

  it('reads the row, the activity, the connections and the rules in one batch', async () => {
    const rule = aRule({ id: 'snap-rule', scopeKey: 'space:SNAP' });
    const activity = { ...emptyActivity(), lastRequestAt: 42 };
    await h.value('rules', 'put', rule);
    await h.value('connections', 'put', connection);
    await h.value('deliveries', 'put', row('page_updated:1:2:snap/é'));
    await h.value('activity', 'put', 'chat:19:snap', activity);
    h.forge.stats.reset();
    const snapshot = await h.value<DeliverySnapshot>('snapshots', 'read', {
      deliveryKey: 'page_updated:1:2:snap/é',
      destinationKey: 'chat:19:snap',
      accountIds: ['snap-owner', 'snap-nobody'],
      ruleIds: ['snap-rule', 'snap-deleted'],
    });
    expect(ops()).toEqual({ batchGet: 1 });
    expect(snapshot.previous).toEqual(row('page_updated:1:2:snap/é'));
    expect(snapshot.activity).toEqual(activity);
    expect(snapshot.rules).toEqual([rule]);
    expect(snapshot.connections).toEqual([
      { accountId: 'snap-owner', connection },
      { accountId: 'snap-nobody', connection: null },
    ]);
  });

  it('writes rows and activity in one batch, readable by the single-record adapters', async () => {
    const activity = { ...emptyActivity(), lastRequestAt: 7 };
    h.forge.stats.reset();
    await h.value('snapshots', 'write', {
      rows: [row('snap-written')],
      activity: [{ destinationKey: 'chat:19:written', activity }],
    });
    expect(ops()).toEqual({ batchSet: 1 });
    expect(await h.value('deliveries', 'get', 'snap-written')).toEqual(row('snap-written'));
    expect(await h.value('activity', 'get', 'chat:19:written')).toEqual(activity);
    expect(await h.value('deliveries', 'listByOwner', 'snap-owner', { limit: 10 })).toContainEqual(
      row('snap-written'),
    );
  });

  it('reads nothing missing as present', async () => {
    const snapshot = await h.value<DeliverySnapshot>('snapshots', 'read', {
      deliveryKey: 'snap-none',
      destinationKey: 'chat:none',
      accountIds: [],
      ruleIds: [],
    });
    expect(snapshot).toMatchObject({ previous: null, activity: null, rules: [] });
  });
});
