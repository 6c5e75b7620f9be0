import { person } from '../../dev/seed';
import type { DeliveryRecord } from '../../src/domain/delivery';
import { DEFAULT_PREFERENCES } from '../../src/domain/preferences';
import { manualClock } from '../support/sandbox-fixture';
import { aDeliveryRecord } from '../support/settings-builders';
import { startAdapterHarness, type AdapterHarness } from './support/adapter-harness';

describe('settings adapters against the Forge emulator and the Confluence simulator', () => {
  const clock = manualClock();
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness({ clock: clock.now });
  });
  afterAll(() => h.stop());

  it('lists deliveries newest first by status and by owner, across index pages, since a time', async () => {
    const base = clock.now();
    const records = Array.from({ length: 250 }, (_, i) =>
      aDeliveryRecord({
        key: `page_updated:1:${i}:dest/x`,
        status: i % 2 === 0 ? 'failed' : 'sent',
        ownerAccountId: i % 3 === 0 ? 'owner-a' : 'owner-b',
        updatedAt: base - i * 1000,
      }),
    );
    for (const record of records) await h.value('deliveries', 'put', record);

    const failed = await h.value<DeliveryRecord[]>('deliveries', 'listByStatus', {
      status: 'failed',
      limit: 1000,
    });
    expect(failed.map((r) => r.key)).toEqual(records.filter((r) => r.status === 'failed').map((r) => r.key));
    expect(failed.length).toBeGreaterThan(100);

    const recent = await h.value<DeliveryRecord[]>('deliveries', 'listByStatus', {
      status: 'sent',
      since: base - 9_500,
      limit: 100,
    });
    expect(recent.map((r) => r.updatedAt)).toEqual([1, 3, 5, 7, 9].map((i) => base - i * 1000));

    const owned = await h.value<DeliveryRecord[]>('deliveries', 'listByOwner', 'owner-a', { limit: 5 });
    expect(owned.map((r) => r.key)).toEqual(
      records
        .filter((r) => r.ownerAccountId === 'owner-a')
        .slice(0, 5)
        .map((r) => r.key),
    );
    const ownedSent = await h.value<DeliveryRecord[]>('deliveries', 'listByOwner', 'owner-a', {
      limit: 100,
      status: 'sent',
    });
    const expected = records.filter((r) => r.ownerAccountId === 'owner-a' && r.status === 'sent');
    expect(ownedSent.map((r) => r.key)).toEqual(expected.map((r) => r.key));
    expect(expected.length).toBeGreaterThan(20);
  });

  it('keeps preferences per person', async () => {
    const mine = { ...DEFAULT_PREFERENCES, dailyDigest: true };
    expect(await h.value('preferences', 'get', 'acc:1')).toBeNull();
    await h.value('preferences', 'put', 'acc:1', mine);
    expect(await h.value('preferences', 'get', 'acc:1')).toEqual(mine);
    expect(await h.value('preferences', 'get', 'acc:2')).toBeNull();
  });

  it('reads a space as a user', async () => {
    expect(
      await h.valueAs(person('mia').accountId, 'content', 'getSpaceAs', person('mia').accountId, 'ENG'),
    ).toEqual({
      key: 'ENG',
      name: 'Engineering',
    });
    expect(
      await h.valueAs(person('mia').accountId, 'content', 'getSpaceAs', person('mia').accountId, 'NOPE'),
    ).toBeNull();
  });

  it("validates CQL by asking Confluence, and hands back Confluence's message", async () => {
    const mia = person('mia').accountId;
    expect(await h.value('search', 'validateCql', mia, 'label = "release" and type = page')).toBeNull();
    const problem = await h.value<string>('search', 'validateCql', mia, 'label = (');
    expect(problem).toMatch(/Could not parse cql/);
  });
});
