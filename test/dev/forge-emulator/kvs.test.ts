import { failureOf, startFixtureEmulator } from './support/fixture-emulator';
import type { ForgeEmulator } from '../../../dev/forge-emulator';
import type * as KvsModule from '@forge/kvs';
import { Filter, FilterConditions, ForgeKvsAPIError, MetadataField, WhereConditions, kvs } from '@forge/kvs';

const T0 = Date.UTC(2026, 10, 1, 9, 0, 0);
let now = T0;
let emulator: ForgeEmulator;

beforeAll(async () => {
  emulator = await startFixtureEmulator({ clock: () => now });
});
afterAll(() => emulator.stop());
beforeEach(async () => {
  now = T0;
  await emulator.clearData();
});

test('set, get with metadata and delete round trip through the real SDK', async () => {
  await kvs.set('user:1', { name: 'Ada' });
  now += 1000;
  await kvs.set('user:1', { name: 'Ada L' });
  expect(await kvs.get('user:1')).toEqual({ name: 'Ada L' });
  const withMeta = await kvs.get('user:1', {
    metadataFields: [MetadataField.CREATED_AT, MetadataField.UPDATED_AT],
  });
  expect(withMeta).toEqual({ key: 'user:1', value: { name: 'Ada L' }, createdAt: T0, updatedAt: T0 + 1000 });
  await kvs.delete('user:1');
  expect(await kvs.get('user:1')).toBeUndefined();
  await expect(kvs.delete('never-stored')).resolves.toBeUndefined();
  expect(emulator.stats.snapshot().kvs.ops).toMatchObject({ set: 2, get: 3, delete: 2 });
});

test('a TTL expires by the emulator clock', async () => {
  await kvs.set('session', 'token', { ttl: { value: 60, unit: 'SECONDS' } });
  const meta = await kvs.get('session', { metadataFields: [MetadataField.EXPIRE_TIME] });
  expect(meta?.expireTime).toBe(new Date(T0 + 60_000).toISOString());
  now += 59_000;
  expect(await kvs.get('session')).toBe('token');
  now += 2_000;
  expect(await kvs.get('session')).toBeUndefined();
  expect((await kvs.query().getMany()).results).toEqual([]);
});

test('keyPolicy and returnValue behave as documented', async () => {
  await kvs.set('lock', 'first', { keyPolicy: 'FAIL_IF_EXISTS' });
  const conflict = await failureOf(kvs.set('lock', 'second', { keyPolicy: 'FAIL_IF_EXISTS' }));
  expect(conflict).toBeInstanceOf(ForgeKvsAPIError);
  expect(conflict.responseDetails?.status).toBe(409);
  expect(await kvs.get('lock')).toBe('first');
  const previous = await kvs.set('lock', 'third', { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' });
  expect(previous).toEqual({ key: 'lock', value: 'first' });
  const latest = await kvs.set('lock', 'fourth', { keyPolicy: 'OVERRIDE', returnValue: 'LATEST' });
  expect(latest).toEqual({ key: 'lock', value: 'fourth' });
  expect(await kvs.set('fresh', 1, { keyPolicy: 'OVERRIDE', returnValue: 'PREVIOUS' })).toBeUndefined();
});

test('limits are answered the way the service answers them, so the SDK throws ForgeKvsAPIError', async () => {
  const cases: Array<[Promise<unknown>, string]> = [
    [kvs.set('k'.repeat(501), 1), 'KEY_TOO_LONG'],
    [kvs.set('a/b', 1), 'INVALID_KEY'],
    [kvs.set('   ', 1), 'INVALID_KEY'],
    [kvs.set('', 1), 'KEY_TOO_SHORT'],
    [kvs.set('big', 'x'.repeat(240 * 1024 - 1)), 'MAX_SIZE'],
    [kvs.setSecret('big-secret', 'x'.repeat(128 * 1024)), 'MAX_SIZE'],
    [kvs.query().limit(101).getMany(), 'LIST_QUERY_LIMIT_EXCEEDED'],
  ];
  for (const [promise, code] of cases) {
    const error = await failureOf(promise);
    expect(error).toBeInstanceOf(ForgeKvsAPIError);
    expect({ code: error.code, status: error.responseDetails?.status }).toEqual({ code, status: 400 });
  }
  await kvs.set('k'.repeat(500), 1);
  await kvs.set('ok: key_with.all-allowed #chars', 1);
  await kvs.set('largest', 'x'.repeat(240 * 1024 - 2)); // exactly 240 KiB of JSON
  expect(Object.keys(emulator.kvsDump().keys)).toHaveLength(3);
});

test('queries page through keys in order; secrets never show up', async () => {
  for (let i = 1; i <= 25; i += 1) await kvs.set(`item:${String(i).padStart(2, '0')}`, i);
  await kvs.set('other:1', 'x');
  await kvs.setSecret('item:secret', { token: 's3cret' });
  const keys: string[] = [];
  let cursor: string | undefined;
  let pages = 0;
  do {
    const query = kvs.query().where('key', WhereConditions.beginsWith('item:')).limit(10);
    const page = await (cursor ? query.cursor(cursor) : query).getMany();
    keys.push(...page.results.map((result) => result.key));
    cursor = page.nextCursor;
    pages += 1;
  } while (cursor);
  expect(pages).toBe(3);
  expect(keys).toEqual(Array.from({ length: 25 }, (_, i) => `item:${String(i + 1).padStart(2, '0')}`));
  expect((await kvs.query().limit(100).getMany()).results.map((r) => r.key)).not.toContain('item:secret');
  expect(await kvs.getSecret('item:secret')).toEqual({ token: 's3cret' });
  expect(await kvs.get('item:secret')).toBeUndefined();
  const dump = emulator.kvsDump();
  expect(dump.secretKeys).toEqual(['item:secret']);
  expect(JSON.stringify(dump)).not.toContain('s3cret');
  await kvs.deleteSecret('item:secret');
  expect(await kvs.getSecret('item:secret')).toBeUndefined();
});

test('batch operations report every key', async () => {
  const set = await kvs.batchSet<unknown>([
    { key: 'a', value: 1 },
    { key: 'bad/key', value: 2 },
    { key: 't-1', entityName: 'task', value: { owner: 'ada', rank: 1 } },
  ]);
  expect(set.successfulKeys).toEqual([{ key: 'a' }, { key: 't-1', entityName: 'task' }]);
  expect(set.failedKeys).toEqual([
    { key: 'bad/key', error: expect.objectContaining({ code: 'INVALID_KEY' }) },
  ]);
  const got = await kvs.batchGet([{ key: 'a' }, { key: 'missing' }, { key: 't-1', entityName: 'task' }]);
  expect(got.successfulKeys).toEqual([
    { key: 'a', value: 1 },
    { key: 't-1', entityName: 'task', value: { owner: 'ada', rank: 1 } },
  ]);
  expect(got.failedKeys).toEqual([
    { key: 'missing', error: { code: 'KEY_NOT_FOUND', message: 'Key does not exist' } },
  ]);
  await kvs.batchDelete([{ key: 'a' }, { key: 't-1', entityName: 'task' }]);
  expect(emulator.kvsDump()).toEqual({ keys: {}, entities: {}, secretKeys: [] });
  const duplicate = await failureOf(
    kvs.batchSet([
      { key: 'a', value: 1 },
      { key: 'a', value: 2 },
    ]),
  );
  expect(duplicate.responseDetails?.status).toBe(400);
});

test('transactions are all or nothing', async () => {
  await kvs.entity('task').set('t-1', { owner: 'ada', rank: 1, done: false });
  const doneCheck = (done: boolean) => ({
    entityName: 'task',
    conditions: new Filter<{ done: boolean }>().and('done', FilterConditions.equalTo(done)),
  });
  const refused = await failureOf(
    kvs
      .transact()
      .set('x', 1)
      .set('t-2', { owner: 'sam', rank: 2 }, { entityName: 'task' })
      .check('t-1', doneCheck(true))
      .execute(),
  );
  expect(refused).toBeInstanceOf(ForgeKvsAPIError);
  expect(refused.responseDetails?.status).toBe(409);
  expect(emulator.kvsDump().keys).toEqual({});
  expect(Object.keys(emulator.kvsDump().entities.task)).toEqual(['t-1']);

  await kvs
    .transact()
    .set('x', 1)
    .delete('t-1', { entityName: 'task' })
    .check('t-9', doneCheck(false))
    .execute()
    .catch(() => undefined);
  expect(emulator.kvsDump().keys).toEqual({}); // t-9 does not exist: the check fails, nothing applied

  await kvs
    .transact()
    .set('x', 1)
    .set('t-2', { owner: 'sam', rank: 2 }, { entityName: 'task' })
    .check('t-1', doneCheck(false))
    .execute();
  expect(emulator.kvsDump().keys).toEqual({ x: 1 });
  expect(Object.keys(emulator.kvsDump().entities.task)).toEqual(['t-1', 't-2']);

  const tooMany = kvs.transact();
  for (let i = 0; i < 26; i += 1) tooMany.set(`k${i}`, i);
  expect((await failureOf(tooMany.execute())).code).toBe('TOO_MANY_OPERATIONS');
  expect((await failureOf(kvs.transact().set('d', 1).delete('d').execute())).code).toBe('DUPLICATE_KEYS');
});

type ForgeFetch = (
  descriptor: { type: string; provider?: string },
  path: string,
  init?: RequestInit,
) => Promise<Response>;
const hooks = globalThis as unknown as { __forge_fetch__: ForgeFetch };

test('KVS works inside invocations and through either fetch client @forge/kvs picks at import', async () => {
  const stored = await emulator.invokeResolver({
    moduleKey: 'fixture-settings',
    functionKey: 'kvs-roundtrip',
    payload: { key: 'inside', value: [1, 2] },
  });
  expect(stored).toEqual({ stored: [1, 2] });
  const original = hooks.__forge_fetch__;
  const descriptors: Array<{ type: string; provider?: string }> = [];
  hooks.__forge_fetch__ = (descriptor, path, init) => {
    descriptors.push(descriptor);
    return original(descriptor, path, init);
  };
  try {
    // This file imported @forge/kvs before any runtime existed: it uses the { type, provider, remote } client.
    await kvs.set('old-client', 'a');
    // Imported while the emulator runs, @forge/kvs finds runtime.kvs and uses the { type: 'kvs' } client.
    let fresh: typeof KvsModule | undefined;
    jest.isolateModules(() => {
      fresh = jest.requireActual<typeof KvsModule>('@forge/kvs');
    });
    await fresh?.kvs.set('runtime-client', 'b');
  } finally {
    hooks.__forge_fetch__ = original;
  }
  expect(descriptors).toEqual([{ type: 'kvs', provider: 'app', remote: 'kvs' }, { type: 'kvs' }]);
  expect(emulator.kvsDump().keys).toEqual({ inside: [1, 2], 'old-client': 'a', 'runtime-client': 'b' });
});
