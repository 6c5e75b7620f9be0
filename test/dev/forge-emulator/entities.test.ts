import { failureOf, startFixtureEmulator } from './support/fixture-emulator';
import type { ForgeEmulator } from '../../../dev/forge-emulator';
import { Filter, FilterConditions, ForgeKvsAPIError, Sort, WhereConditions, kvs } from '@forge/kvs';

interface Task {
  owner: string;
  rank: number;
  score?: number;
  done?: boolean;
  label?: string;
  meta?: unknown;
}

const tasks = kvs.entity<Task>('task');
const keyOf = (rank: number) => `t-${String(rank).padStart(2, '0')}`;
let emulator: ForgeEmulator;

beforeAll(async () => {
  emulator = await startFixtureEmulator();
  for (let rank = 1; rank <= 30; rank += 1) {
    await tasks.set(keyOf(rank), {
      owner: rank % 2 === 1 ? 'ada' : 'sam',
      rank,
      score: rank / 10,
      done: rank % 3 === 0,
      label: `L${rank % 5}`,
      meta: { tags: ['x'] },
    });
  }
});
afterAll(() => emulator.stop());

const ranks = (results: Array<{ value: Task }>) => results.map((result) => result.value.rank);

test('an index query matches the partition, applies the range condition, sorts and pages', async () => {
  const query = () =>
    tasks
      .query()
      .index('by-owner', { partition: ['ada'] })
      .where(WhereConditions.between(5, 20))
      .limit(4);
  const first = await query().getMany();
  expect(ranks(first.results)).toEqual([5, 7, 9, 11]);
  expect(first.nextCursor).toEqual(expect.any(String));
  const second = await query()
    .cursor(first.nextCursor as string)
    .getMany();
  expect(ranks(second.results)).toEqual([13, 15, 17, 19]);
  expect(second.nextCursor).toBeUndefined();
  const descending = await tasks
    .query()
    .index('by-owner', { partition: ['sam'] })
    .sort(Sort.DESC)
    .limit(3)
    .getMany();
  expect(ranks(descending.results)).toEqual([30, 28, 26]);
  const one = await tasks
    .query()
    .index('by-owner', { partition: ['sam'] })
    .where(WhereConditions.greaterThan(25))
    .getOne();
  expect(one).toEqual({ key: 't-26', value: expect.objectContaining({ rank: 26 }) });
  expect(
    (
      await tasks
        .query()
        .index('by-owner', { partition: ['ada'] })
        .getMany()
    ).results,
  ).toHaveLength(10); // default page
});

test('filters run on the page after it is cut, so a page can be short and still have a cursor', async () => {
  const page = () =>
    tasks
      .query()
      .index('by-owner', { partition: ['ada'] })
      .filters(
        new Filter<Task>()
          .and('done', FilterConditions.equalTo(true))
          .and('score', FilterConditions.lessThan(2.8)),
      )
      .limit(5);
  const first = await page().getMany();
  expect(ranks(first.results)).toEqual([3, 9]);
  expect(first.nextCursor).toEqual(expect.any(String));
  const all: number[] = [...ranks(first.results)];
  let cursor = first.nextCursor;
  while (cursor) {
    const next = await page().cursor(cursor).getMany();
    all.push(...ranks(next.results));
    cursor = next.nextCursor;
  }
  expect(all).toEqual([3, 9, 15, 21, 27]);
  const either = await tasks
    .query()
    .index('by-owner', { partition: ['sam'] })
    .filters(
      new Filter<Task>()
        .or('rank', FilterConditions.equalTo(2))
        .or('label', FilterConditions.beginsWith('L4')),
    )
    .limit(100)
    .getMany();
  expect(ranks(either.results)).toEqual([2, 4, 14, 24]);
});

test('simple indexes and the built-in by-key index', async () => {
  const labelled = await tasks
    .query()
    .index('label')
    .where(WhereConditions.equalTo('L0'))
    .limit(100)
    .getMany();
  expect(ranks(labelled.results).sort((a, b) => a - b)).toEqual([5, 10, 15, 20, 25, 30]);
  const byKey = await tasks
    .query()
    .index('by-key')
    .where(WhereConditions.beginsWith('t-1'))
    .limit(100)
    .getMany();
  expect(byKey.results.map((result) => result.key)).toEqual(
    Array.from({ length: 10 }, (_, i) => keyOf(10 + i)),
  );
});

test('unknown entities and indexes, wrong types and bad queries get the service errors', async () => {
  const cases: Array<[Promise<unknown>, number, string]> = [
    [kvs.entity('nope').set('k', { a: 1 }), 400, 'INVALID_ENTITY_TYPE'],
    [tasks.query().index('by-nothing').getMany(), 400, 'INVALID_ENTITY_INDEX'],
    [tasks.set('bad', { owner: 'ada', rank: 'high' as unknown as number }), 400, 'INVALID_ENTITY_VALUE'],
    [tasks.set('epoch', { owner: 'ada', rank: Date.UTC(2026, 0, 1) }), 400, 'INVALID_ENTITY_VALUE'], // not a 32-bit integer
    [tasks.set('blank', { owner: '  ', rank: 1 }), 400, 'INVALID_ENTITY_VALUE'],
    [tasks.set('', { owner: 'ada', rank: 1 }), 400, 'EMPTY_KEY'],
    [
      tasks
        .query()
        .index('by-owner', { partition: ['ada'] })
        .limit(101)
        .getMany(),
      400,
      'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE',
    ],
    [
      tasks
        .query()
        .index('by-owner', { partition: ['ada'] })
        .filters(new Filter<Task>().and('meta', FilterConditions.exists()))
        .getMany(),
      422,
      'UNPROCESSABLE_ENTITY',
    ],
  ];
  for (const [promise, status, code] of cases) {
    const error = await failureOf(promise);
    expect(error).toBeInstanceOf(ForgeKvsAPIError);
    expect({ status: error.responseDetails?.status, code: error.code }).toEqual({ status, code });
  }
  const noPartition = await failureOf(tasks.query().index('by-owner').getMany());
  expect(noPartition.message).toContain('partition');
});

test('attributes missing from the manifest are not stored, and the emulator says so', async () => {
  await tasks.set('extra', { owner: 'vic', rank: 99, undeclared: 'lost' } as Task);
  expect(await tasks.get('extra')).toEqual({ owner: 'vic', rank: 99 });
  expect(emulator.logs.some((log) => log.level === 'warn' && log.message.includes('undeclared'))).toBe(true);
  await tasks.delete('extra');
  expect(await tasks.get('extra')).toBeUndefined();
});

test('an index follows every write: a value that moves partition, leaves the index or is deleted', async () => {
  const inPartition = async (owner: string) =>
    ranks(
      (
        await tasks
          .query()
          .index('by-owner', { partition: [owner] })
          .limit(100)
          .getMany()
      ).results,
    );
  await tasks.set('moving', { owner: 'ada', rank: 101 });
  expect(await inPartition('ada')).toContain(101);
  await tasks.set('moving', { owner: 'zoe', rank: 101 });
  expect([await inPartition('ada'), await inPartition('zoe')]).toEqual([
    expect.not.arrayContaining([101]),
    [101],
  ]);
  await kvs.transact().delete('moving', { entityName: 'task' }).execute();
  expect(await inPartition('zoe')).toEqual([]);
});
