import { aRule } from '../support/builders';
import { manualClock } from '../support/sandbox-fixture';
import { startAdapterHarness, type AdapterHarness } from './support/adapter-harness';
import { DEFAULT_PREFERENCES } from '../../src/domain/preferences';
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

  it('tells an event queued once it is marked, and not before nor after a day', async () => {
    expect(await h.value('ledger', 'wasQueued', 'page_updated:1:2')).toBe(false);
    await h.value('ledger', 'markQueued', 'page_updated:1:2');
    expect(await h.value('ledger', 'wasQueued', 'page_updated:1:2')).toBe(true);
    await h.value('ledger', 'markQueued', 'page_updated:1:2');
    expect(await h.value('ledger', 'wasQueued', 'page_updated:1:3')).toBe(false);
    clock.advance(24 * 3600_000 + 1000);
    expect(await h.value('ledger', 'wasQueued', 'page_updated:1:2')).toBe(false);
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

  it('copies an unexpired access token, never the refresh token, to a plain key that expires with it', async () => {
    const tokens = {
      refreshToken: 'rt-never-plain-value',
      accessToken: 'at-copied-value',
      accessTokenExpiresAt: Date.now() + 3600_000,
    };
    await h.value('tokens', 'put', 'acc-2', tokens);
    expect(await h.value('tokens', 'getAccess', 'acc-2')).toEqual({
      accessToken: 'at-copied-value',
      accessTokenExpiresAt: tokens.accessTokenExpiresAt,
    });
    const copy = await h.value<{ value: unknown; expireTime?: string }>(
      'rawKvs',
      'getWithExpiry',
      'ms-access:acc-2',
    );
    const ttlMs = Date.parse(copy.expireTime ?? '') - clock.now();
    expect(ttlMs).toBeGreaterThan(3590_000);
    expect(ttlMs).toBeLessThanOrEqual(3600_000);
    expect(JSON.stringify({ ...h.forge.kvsDump(), secretKeys: [] })).not.toContain('rt-never-plain-value');

    await h.value('tokens', 'forgetAccess', 'acc-2');
    expect(await h.value('tokens', 'getAccess', 'acc-2')).toBeNull();
    expect(await h.value('tokens', 'get', 'acc-2')).toEqual(tokens);
    await h.value('tokens', 'put', 'acc-2', tokens);
    await h.value('tokens', 'delete', 'acc-2');
    expect(await h.value('tokens', 'getAccess', 'acc-2')).toBeNull();
    expect(await h.value('tokens', 'get', 'acc-2')).toBeNull();
    expect(JSON.stringify(h.forge.kvsDump().keys)).not.toContain('at-copied-value');
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

  describe('issue 9: keys made from Confluence data are hashed, so they neither collide nor overflow', () => {
    // The old escape wrote "é" as "#e9" and "ບ" (U+0E9A) as "#e9a": "éa" and "ບ" gave one key.
    const LOOK_ALIKES = ['éa', 'ບ'] as const;
    // Escaped at 5 characters each, 94 CJK characters and a 9-digit content id (as Confluence
    // Cloud's are) made an event key of 503 characters; Forge takes at most 500.
    const LONG_LABEL = '中文标签'.repeat(24).slice(0, 94);
    const labelKey = (label: string) => `label_added:123456789:${label}`;
    const aDelivery = (key: string, title: string) => ({
      schemaVersion: 1,
      key,
      status: 'failed',
      ownerAccountId: 'owner-keys',
      destination: { type: 'chat', chatId: '19:keys@thread.v2', chatName: 'keys' },
      contentId: '123456789',
      title,
      attempts: 5,
      reason: 'gave up',
      updatedAt: 7,
    });

    it('invariant 4 and 5: two events whose labels escape alike are two events, not a duplicate', async () => {
      const [first, second] = LOOK_ALIKES.map(labelKey);
      await h.value('ledger', 'markQueued', first);
      expect(await h.value('ledger', 'wasQueued', second)).toBe(false);
    });

    it('invariant 5: an event whose label is 94 CJK characters can be marked queued', async () => {
      const result = await h.call('ledger', 'markQueued', labelKey(LONG_LABEL));
      expect(result).toEqual({ ok: true, value: null });
      expect(await h.value('ledger', 'wasQueued', labelKey(LONG_LABEL))).toBe(true);
    });

    it('keeps two deliveries whose keys escape alike apart', async () => {
      const [first, second] = LOOK_ALIKES.map((label) => aDelivery(`${labelKey(label)}:aaaa`, label));
      await h.value('deliveries', 'put', first);
      await h.value('deliveries', 'put', second);
      expect(await h.value('deliveries', 'get', first.key)).toEqual(first);
      expect(await h.value('deliveries', 'get', second.key)).toEqual(second);
    });

    it('stores a delivery of a 94-CJK-character label, and the log’s key finds it again for a retry', async () => {
      const record = aDelivery(`${labelKey(LONG_LABEL)}:${'f'.repeat(24)}`, 'long');
      expect(await h.call('deliveries', 'put', record)).toEqual({ ok: true, value: null });
      // The delivery log shows the row's own key, and deliveries/retry looks the row up by it.
      const listed = await h.value<Array<{ key: string }>>('deliveries', 'listByOwner', 'owner-keys', {
        limit: 100,
      });
      expect(listed.map((row) => row.key)).toContain(record.key);
      expect(await h.value('deliveries', 'get', record.key)).toEqual(record);
    });

    it('keeps the activity of two destinations whose ids escape alike apart, and of a long id', async () => {
      const activityOf = (messages: number) => ({
        schemaVersion: 1,
        cards: {},
        burst: null,
        held: [],
        overflow: 0,
        digestScheduled: false,
        day: { date: '2026-11-22', messages },
        lastRequestAt: 0,
      });
      const [first, second, long] = [...LOOK_ALIKES, LONG_LABEL].map((id) => `chat:19:${id}@thread.v2`);
      await h.value('activity', 'put', first, activityOf(1));
      await h.value('activity', 'put', second, activityOf(2));
      expect(await h.value('activity', 'get', first)).toEqual(activityOf(1));
      expect(await h.value('activity', 'get', second)).toEqual(activityOf(2));
      expect(await h.call('activity', 'put', long, activityOf(3))).toEqual({ ok: true, value: null });
      expect(await h.value('activity', 'get', long)).toEqual(activityOf(3));
    });

    it('keeps the preferences of two account ids that escape alike apart', async () => {
      const withStart = (start: string) => ({
        ...DEFAULT_PREFERENCES,
        quietHours: { ...DEFAULT_PREFERENCES.quietHours, start },
      });
      await h.value('preferences', 'put', LOOK_ALIKES[0], withStart('20:00'));
      await h.value('preferences', 'put', LOOK_ALIKES[1], withStart('21:00'));
      expect(await h.value('preferences', 'get', LOOK_ALIKES[0])).toEqual(withStart('20:00'));
      expect(await h.value('preferences', 'get', LOOK_ALIKES[1])).toEqual(withStart('21:00'));
    });

    it('still reads preferences saved under the account id before keys were hashed, until saved again', async () => {
      const saved = { ...DEFAULT_PREFERENCES, dailyDigest: true };
      await h.value('rawKvs', 'set', 'prefs:557058:legacy-person', { schemaVersion: 1, preferences: saved });
      expect(await h.value('preferences', 'get', '557058:legacy-person')).toEqual(saved);
      await h.value('preferences', 'put', '557058:legacy-person', DEFAULT_PREFERENCES);
      expect(await h.value('preferences', 'get', '557058:legacy-person')).toEqual(DEFAULT_PREFERENCES);
    });
  });
});
