import type { PersonFacts } from '../../src/application/ports/people-facts';
import { appAddedKey, conversationKey } from '../../src/adapters/kvs-conversation-record';
import { DEFAULT_PREFERENCES } from '../../src/domain/preferences';
import { aConversation } from '../support/bot-fakes';
import { aConnection } from '../support/delivery-harness';
import { startAdapterHarness, type AdapterHarness } from './support/adapter-harness';

/**
 * Issue 15: several people's connection, preferences and whether they added the app, read with
 * real @forge/kvs batchGet: one round when everyone's `app-added` copy is sure, a second round of
 * bot chats only for the people whose copy says nothing about their Microsoft user.
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
  const chatOf = (accountId: string, installed = true) =>
    aConversation({
      microsoftUser: `tid-1:oid-${accountId}`,
      tenantId: 'tid-1',
      oid: `oid-${accountId}`,
      installed,
    });
  const read = async (ids: string[]) => {
    h.forge.stats.reset();
    return new Map(await h.value<Array<[string, PersonFacts]>>('peopleFacts', 'readEntries', ids));
  };

  it('reads six connected people in one batch, whichever came first: the login or the app', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => `557058:added-${i}`);
    // Two log in first and add the app after, two add the app and then log in; two only log in.
    for (const [i, id] of ids.entries()) {
      if (i >= 4) {
        await h.value('connections', 'put', connected(id));
      } else if (i % 2 === 0) {
        await h.value('connections', 'put', connected(id));
        await h.value('conversations', 'put', chatOf(id));
      } else {
        await h.value('conversations', 'put', chatOf(id));
        await h.value('connections', 'put', connected(id));
      }
    }
    const hashed = { ...DEFAULT_PREFERENCES, dailyDigest: true };
    await h.value('preferences', 'put', ids[1], hashed);

    const facts = await read(ids);
    expect(ops()).toEqual({ batchGet: 1 });
    expect(facts.get(ids[0])).toEqual({ connection: connected(ids[0]), appAdded: true, preferences: null });
    expect(ids.map((id) => facts.get(id)?.appAdded)).toEqual([true, true, true, true, false, false]);
    expect(facts.get(ids[1])?.preferences).toEqual(hashed);
  });

  it('reads the chats of people whose copy says nothing (none yet, or made for another user), and stores theirs', async () => {
    const ids = Array.from({ length: 6 }, (_, i) => `557058:unsure-${i}`);
    for (const id of ids.slice(0, 5)) await h.value('connections', 'put', connected(id));
    // 0: stored before copies existed, the chat alone says installed.
    await h.value('rawKvs', 'set', conversationKey(`tid-1:oid-${ids[0]}`), chatOf(ids[0]));
    await h.value('rawKvs', 'delete', appAddedKey(ids[0]));
    // 1: added, then removed the app.
    await h.value('conversations', 'put', chatOf(ids[1]));
    await h.value('conversations', 'put', chatOf(ids[1], false));
    // 2: a copy for the Microsoft user the account was linked to before.
    await h.value('rawKvs', 'set', appAddedKey(ids[2]), {
      schemaVersion: 1,
      microsoftUser: 'tid-1:someone-else',
      installed: true,
    });
    // 3: never added the app; 4: added it. 5: never logged in.
    await h.value('conversations', 'put', chatOf(ids[4]));
    // Saved before keys were hashed: read until the person saves again.
    const legacy = { ...DEFAULT_PREFERENCES, watchedContentUpdated: false };
    await h.value('rawKvs', 'set', `prefs:${ids[3]}`, { schemaVersion: 1, preferences: legacy });

    const facts = await read(ids);
    // The chats of 0 and 2, then their copies stored and checked against the chats again.
    expect(ops()).toEqual({ batchGet: 3, batchSet: 1 });
    expect(ids.map((id) => facts.get(id)?.appAdded)).toEqual([true, false, false, false, true, false]);
    // Read repair: the next round reads everyone in one batch, with the same answers.
    const again = await read(ids);
    expect(ops()).toEqual({ batchGet: 1 });
    expect(ids.map((id) => again.get(id)?.appAdded)).toEqual([true, false, false, false, true, false]);
    expect(facts.get(ids[3])?.preferences).toEqual(legacy);
    expect(facts.get(ids[5])).toEqual({ connection: null, appAdded: false, preferences: null });
  });

  it('forgets the copy with the connection, and a new login copies the chat of the user it links', async () => {
    const id = '557058:relinked';
    await h.value('connections', 'put', connected(id));
    await h.value('conversations', 'put', chatOf(id));
    expect((await read([id])).get(id)?.appAdded).toBe(true);
    await h.value('connections', 'delete', id);
    expect(await h.value('rawKvs', 'get', appAddedKey(id))).toBeNull();

    // Linked again, to a Microsoft user who has not added the app, then adds it.
    await h.value('connections', 'put', { ...connected(id), oid: 'oid-new-user' });
    expect((await read([id])).get(id)?.appAdded).toBe(false);
    expect(ops()).toEqual({ batchGet: 1 });
    await h.value('conversations', 'put', {
      ...chatOf(id),
      microsoftUser: 'tid-1:oid-new-user',
      oid: 'oid-new-user',
    });
    expect((await read([id])).get(id)?.appAdded).toBe(true);
    expect(ops()).toEqual({ batchGet: 1 });
  });

  type ForgeFetch = (descriptor: { type: string }, path: string, init?: RequestInit) => Promise<Response>;
  /** Runs `meanwhile` once, just before the first KVS write of an `app-added` copy on `path`. */
  const beforeFirstCopy = async <T>(
    path: string,
    meanwhile: () => Promise<unknown>,
    act: () => Promise<T>,
  ) => {
    const target = globalThis as typeof globalThis & { __forge_fetch__: ForgeFetch };
    const original = target.__forge_fetch__;
    let raced = false;
    target.__forge_fetch__ = async (descriptor, at, init) => {
      const body = typeof init?.body === 'string' ? init.body : '';
      if (!raced && at === path && body.includes('"app-added:')) {
        raced = true;
        await meanwhile();
      }
      return original(descriptor, at, init);
    };
    try {
      return await act();
    } finally {
      target.__forge_fetch__ = original;
      expect(raced).toBe(true);
    }
  };

  it('ends with the chat\'s value when the app is added while a login copies "not added"', async () => {
    const id = '557058:racing';
    // The login has read "no chat" and is about to store that copy: the whole install runs first.
    await beforeFirstCopy(
      '/api/v1/set',
      () => h.value('conversations', 'put', chatOf(id)),
      () => h.value('connections', 'put', connected(id)),
    );
    expect((await read([id])).get(id)?.appAdded).toBe(true);
  });

  it("ends with the chat's value when the app is removed while a reader stores the copy it found missing", async () => {
    const id = '557058:repair-race';
    await h.value('connections', 'put', connected(id));
    await h.value('rawKvs', 'set', conversationKey(`tid-1:oid-${id}`), chatOf(id));
    await h.value('rawKvs', 'delete', appAddedKey(id));
    // The reader saw the chat installed; before its copy lands, the person removes the app.
    const facts = await beforeFirstCopy(
      '/api/v1/batch/set',
      () => h.value('conversations', 'put', chatOf(id, false)),
      () => read([id]),
    );
    expect(facts.get(id)?.appAdded).toBe(true);
    expect((await read([id])).get(id)?.appAdded).toBe(false);
  });
});
