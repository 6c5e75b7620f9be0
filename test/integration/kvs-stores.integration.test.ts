import { aRule } from '../support/builders';
import { manualClock } from '../support/sandbox-fixture';
import { startAdapterHarness, type AdapterHarness } from './support/adapter-harness';
import type { Rule } from '../../src/domain/rule';

describe('KVS adapters against the Forge emulator (real @forge/kvs, the app manifest’s entities)', () => {
  const clock = manualClock();
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness({ clock: clock.now });
  });
  afterAll(() => h.stop());

  it('lists every rule of a scope across index pages, and only that scope', async () => {
    const rules = Array.from({ length: 130 }, (_, i) =>
      aRule({ id: `r-${i}`, scopeKey: 'space:BIG', ownerAccountId: `o-${i % 3}` }),
    );
    for (const rule of rules) await h.value('rules', 'put', rule);
    await h.value('rules', 'put', aRule({ id: 'other', scopeKey: 'space:SMALL' }));
    const listed = await h.value<Rule[]>('rules', 'listByScopeKey', 'space:BIG');
    expect(listed.map((r) => r.id).sort()).toEqual(rules.map((r) => r.id).sort());
    expect(await h.value<Rule[]>('rules', 'listByScopeKey', 'space:NONE')).toEqual([]);
    const byOwner = await h.value<Rule[]>('rules', 'listByOwner', 'o-1');
    expect(byOwner).toHaveLength(43);
  });

  it('gets and deletes a rule', async () => {
    const rule = aRule({ id: 'gone', scopeKey: 'space:DEL' });
    await h.value('rules', 'put', rule);
    expect(await h.value('rules', 'get', 'gone')).toEqual(rule);
    await h.value('rules', 'delete', 'gone');
    expect(await h.value('rules', 'get', 'gone')).toBeNull();
  });

  it('hands out an OAuth state once, and not after its time to live', async () => {
    const record = { kind: 'login', accountId: 'a', codeVerifier: 'v'.repeat(43), createdAt: 'now' };
    await h.value('states', 'create', 'state-1', record, 600);
    expect(await h.value('states', 'consume', 'state-1')).toEqual(record);
    expect(await h.value('states', 'consume', 'state-1')).toBeNull();
    await h.value('states', 'create', 'state-2', record, 600);
    clock.advance(601_000);
    expect(await h.value('states', 'consume', 'state-2')).toBeNull();
  });

  it('marks an event seen once until forgotten', async () => {
    expect(await h.value('ledger', 'markSeen', 'page_updated:1:2')).toBe(true);
    expect(await h.value('ledger', 'markSeen', 'page_updated:1:2')).toBe(false);
    await h.value('ledger', 'forget', 'page_updated:1:2');
    expect(await h.value('ledger', 'markSeen', 'page_updated:1:2')).toBe(true);
  });

  it('keeps tokens and the client secret in secrets, out of keys and entities', async () => {
    const tokens = {
      refreshToken: 'rt-secret-value',
      accessToken: 'at-secret-value',
      accessTokenExpiresAt: 1,
    };
    await h.value('tokens', 'put', 'acc-1', tokens);
    await h.value('tenants', 'setClientSecret', 'client-secret-value');
    expect(await h.value('tokens', 'get', 'acc-1')).toEqual(tokens);
    expect(await h.value('tenants', 'getClientSecret')).toBe('client-secret-value');
    const dump = JSON.stringify({ ...h.forge.kvsDump(), secretKeys: [] });
    expect(dump).not.toMatch(/secret-value/);
    await h.value('tokens', 'delete', 'acc-1');
    expect(await h.value('tokens', 'get', 'acc-1')).toBeNull();
  });

  it('stores a delivery row under a key made safe for KVS', async () => {
    const record = {
      schemaVersion: 1,
      key: 'page_updated:1:2:abc/def@x',
      status: 'sent',
      ownerAccountId: 'o',
      destination: { type: 'chat', chatId: '19:x@thread.v2', chatName: 'x' },
      contentId: '1',
      title: 't',
      attempts: 1,
      updatedAt: 5,
    };
    await h.value('deliveries', 'put', record);
    expect(await h.value('deliveries', 'get', record.key)).toEqual(record);
  });
});
