import type { DeliverySnapshot } from '../../src/application/ports/delivery-snapshot';
import { emptyActivity } from '../../src/domain/destination-activity';
import { aConnection } from '../support/delivery-harness';
import { DEFAULT_PREFERENCES } from '../../src/domain/preferences';
import { aConversation } from '../support/bot-fakes';
import { aRule } from '../support/builders';
import { aTenantMapping } from '../support/settings-builders';
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

  it('reads the tenant, tokens, mappings and a personal delivery’s records in that same one batch', async () => {
    const tenant = aTenantMapping();
    const expiresAt = Date.now() + 3600_000;
    const mapping = {
      schemaVersion: 1,
      accountId: 'snap-author',
      tenantId: tenant.tenantId,
      oid: 'author-oid',
      microsoftName: 'Author',
      email: 'author@example.com',
      name: 'Author',
      importedAt: '2026-12-01T00:00:00Z',
      importedBy: 'admin',
    };
    const conversation = aConversation({ microsoftUser: 't:oid-snap', tenantId: 't', oid: 'oid-snap' });
    const preferences = { ...DEFAULT_PREFERENCES, dailyDigest: true };
    const digest = { schemaVersion: 1, accountId: 'snap-owner', items: [], lastDigestDate: '2026-12-01' };
    const botToken = { accessToken: 'bot-at', expiresAt, clientId: tenant.clientId };
    await h.value('tenants', 'put', tenant);
    await h.value('tokens', 'put', 'snap-owner', {
      refreshToken: 'rt',
      accessToken: 'at',
      accessTokenExpiresAt: expiresAt,
    });
    await h.value('userMappings', 'putMany', [mapping]);
    await h.value('preferences', 'put', 'snap-owner', preferences);
    await h.value('conversations', 'put', conversation);
    await h.value('personalDigests', 'put', digest);
    await h.value('botTokens', 'put', botToken);
    h.forge.stats.reset();
    const snapshot = await h.value<DeliverySnapshot>('snapshots', 'read', {
      deliveryKey: 'snap-personal',
      destinationKey: 'dest-personal',
      accountIds: ['snap-owner'],
      ruleIds: [],
      tokenAccountIds: ['snap-owner'],
      mappedAccountIds: ['snap-author', 'snap-unmapped'],
      personal: { accountId: 'snap-owner', microsoftUser: 't:oid-snap' },
    });
    expect(ops()).toEqual({ batchGet: 1 });
    expect(snapshot).toMatchObject({
      tenant,
      accessTokens: [
        { accountId: 'snap-owner', token: { accessToken: 'at', accessTokenExpiresAt: expiresAt } },
      ],
      userMappings: [mapping],
      personal: {
        preferences,
        digest,
        conversation: { microsoftUser: 't:oid-snap', conversation },
        botRegistration: null,
        botToken,
      },
    });
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
