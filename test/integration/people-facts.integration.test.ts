import type { PersonFacts } from '../../src/application/ports/people-facts';
import { DEFAULT_PREFERENCES } from '../../src/domain/preferences';
import { aConversation } from '../support/bot-fakes';
import { aConnection } from '../support/delivery-harness';
import { startAdapterHarness, type AdapterHarness } from './support/adapter-harness';

/**
 * Issue 15: several people's connection, preferences and bot conversation in two KVS rounds
 * (real @forge/kvs batchGet), the same values the one-by-one adapters read.
 */
describe('kvsPeopleFacts against the Forge emulator', () => {
  let h: AdapterHarness;
  beforeAll(async () => {
    h = await startAdapterHarness();
  });
  afterAll(() => h.stop());

  const ops = () => h.forge.stats.snapshot().kvs.ops;
  const connected = (accountId: string) => ({
    ...aConnection(accountId),
    tenantId: 'tid-1',
    oid: `oid-${accountId}`,
    updatedAt: '2026-12-01T00:00:00Z',
  });

  it('reads eight people in one batch for connections and preferences, one for conversations', async () => {
    const ids = Array.from({ length: 8 }, (_, i) => `557058:facts-${i}`);
    for (const id of ids.slice(0, 6)) await h.value('connections', 'put', connected(id));
    const chat = aConversation({
      microsoftUser: 'tid-1:oid-557058:facts-0',
      tenantId: 'tid-1',
      oid: 'oid-557058:facts-0',
    });
    await h.value('conversations', 'put', chat);
    const hashed = { ...DEFAULT_PREFERENCES, dailyDigest: true };
    await h.value('preferences', 'put', ids[1], hashed);
    // Saved before keys were hashed: read until the person saves again.
    const legacy = { ...DEFAULT_PREFERENCES, watchedContentUpdated: false };
    await h.value('rawKvs', 'set', `prefs:${ids[2]}`, { schemaVersion: 1, preferences: legacy });
    h.forge.stats.reset();

    const facts = await h.value<Array<[string, PersonFacts]>>('peopleFacts', 'readEntries', ids);
    const byId = new Map(facts);
    expect(ops()).toEqual({ batchGet: 2 });
    expect(byId.get(ids[0])).toEqual({
      connection: connected(ids[0]),
      conversation: chat,
      preferences: null,
    });
    expect(byId.get(ids[1])?.preferences).toEqual(hashed);
    expect(byId.get(ids[2])?.preferences).toEqual(legacy);
    expect(byId.get(ids[3])?.conversation).toBeNull();
    expect(byId.get(ids[7])).toEqual({ connection: null, conversation: null, preferences: null });
  });
});
