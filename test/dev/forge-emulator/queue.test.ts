import { failureOf, startFixtureEmulator, useFixtureEmulator } from './support/fixture-emulator';
import type { ForgeEmulator } from '../../../dev/forge-emulator';
import { __requestAtlassianAsApp } from '@forge/api';
import { InternalServerError, Queue, TooManyEventsError } from '@forge/events';
import { kvs } from '@forge/kvs';

const fixture = useFixtureEmulator({ fresh: true });

const push = (target: ForgeEmulator, events: object[]) =>
  target.invokeResolver({
    moduleKey: 'fixture-settings',
    functionKey: 'enqueue',
    payload: { events },
  }) as Promise<{ jobId: string }>;
const delivered = () => fixture.app.probe.deliveries.map((delivery) => delivery.event);
const publish = (payload: object[], queueName = 'work') =>
  __requestAtlassianAsApp('/webhook/queue/publish/{contextAri}/{environmentId}/{appId}/{appVersion}', {
    method: 'POST',
    body: JSON.stringify({ queueName, jobId: 'raw-job', payload, time: new Date().toISOString() }),
  });

test('pushed events reach the consumer as AsyncEvents, delayed ones later', async () => {
  const pushedAfter = Date.now();
  const { jobId } = await push(fixture.emulator, [
    { body: { n: 1 } },
    { body: { n: 2 }, delayInSeconds: 40 },
  ]);
  await fixture.emulator.idle();
  const [first, second] = fixture.app.probe.deliveries;
  expect(first.event).toEqual({ body: { n: 1 }, queueName: 'work', jobId, eventId: expect.any(String) });
  expect(second.event).toMatchObject({ body: { n: 2 }, jobId, delayInSeconds: 40 });
  expect(second.at - pushedAfter).toBeGreaterThanOrEqual(40); // 40 s scaled by 0.001
  expect(first.context).toMatchObject({
    installContext: expect.stringMatching(/^ari:cloud:confluence::site\//),
  });
  expect(fixture.emulator.stats.snapshot().queue).toMatchObject({ eventsPushed: expect.any(Number) });
});

test('push limits: the SDK checks them and so does the service', async () => {
  const tooMany = Array.from({ length: 51 }, (_, n) => ({ body: { n } }));
  expect(await failureOf(new Queue({ key: 'work' }).push(tooMany))).toBeInstanceOf(TooManyEventsError);
  expect((await publish(tooMany)).status).toBe(400);
  const big = { body: { blob: 'x'.repeat(201 * 1024) } };
  expect((await publish([big])).status).toBe(413);
  expect((await publish([{ body: { n: 1 }, delayInSeconds: 901 }])).status).toBe(400);
  expect((await publish([{ body: { n: 1 }, concurrency: { key: '', limit: 0 } }])).status).toBe(400);
  const orphan = await failureOf(new Queue({ key: 'nobody-listens' }).push({ body: {} }));
  expect(orphan).toBeInstanceOf(InternalServerError);
  expect(orphan.message).toContain('No consumer');
  await fixture.emulator.idle();
  expect(fixture.app.probe.deliveries).toHaveLength(0);
});

test('an InvocationError is retried after retryAfter with retryContext', async () => {
  await push(fixture.emulator, [{ body: { mode: 'retry-once', retryAfter: 30 } }]);
  await fixture.emulator.idle();
  const [first, retry] = fixture.app.probe.deliveries;
  expect(first.event.retryContext).toBeUndefined();
  expect(retry.event.retryContext).toEqual({
    retryCount: 1,
    retryReason: 'FUNCTION_RETRY_REQUEST',
    retryData: { reason: 'first try' },
    retentionWindow: { startTime: expect.any(String), remainingTimeMs: expect.any(Number) },
  });
  expect(retry.at - first.at).toBeGreaterThanOrEqual(25);
  expect(fixture.emulator.deadLetters).toEqual([]);
});

test('retryAfter above 900 s is lowered to 900 s', async () => {
  await push(fixture.emulator, [{ body: { mode: 'retry-once', retryAfter: 5000 } }]);
  await fixture.emulator.idle();
  const [first, retry] = fixture.app.probe.deliveries;
  expect(retry.at - first.at).toBeGreaterThanOrEqual(850);
  expect(retry.at - first.at).toBeLessThan(2500);
});

test('failing consumers are retried with backoff and dead-lettered after four retries', async () => {
  const { jobId } = await push(fixture.emulator, [
    { body: { mode: 'throw' } },
    { body: { mode: 'always-retry' } },
  ]);
  await fixture.emulator.idle();
  const counts = (mode: string) =>
    delivered()
      .filter((event) => (event.body as { mode: string }).mode === mode)
      .map((event) => (event.retryContext as { retryCount: number } | undefined)?.retryCount);
  expect(counts('throw')).toEqual([undefined, 1, 2, 3, 4]);
  expect(counts('always-retry')).toEqual([undefined, 1, 2, 3, 4]);
  expect(fixture.emulator.deadLetters).toHaveLength(2);
  const thrown = fixture.emulator.deadLetters.find(
    (letter) => (letter.body as { mode: string }).mode === 'throw',
  );
  expect(thrown).toMatchObject({
    kind: 'queue',
    source: 'work',
    moduleKey: 'work-consumer',
    functionKey: 'consume',
    jobId,
    attempts: 5,
  });
  expect(thrown?.reason).toMatch(/FUNCTION_PLATFORM_UNKNOWN_ERROR.*consumer exploded.*4 retries/);
  expect(await new Queue({ key: 'work' }).getStats(jobId)).toEqual({ success: 0, inProgress: 0, failed: 2 });
});

test('a consumer past its timeoutSeconds fails, is retried, and cannot write afterwards', async () => {
  await push(fixture.emulator, [{ body: { mode: 'slow-first' } }]);
  await fixture.emulator.idle();
  expect(delivered()[1].retryContext).toMatchObject({ retryCount: 1, retryReason: 'FUNCTION_TIME_OUT' });
  const deadline = Date.now() + 3000; // the abandoned first attempt wakes up and tries to write
  while (fixture.app.probe.notes.length === 0 && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 20));
  expect(fixture.app.probe.notes).toEqual([
    { lateWrite: expect.objectContaining({ message: expect.stringContaining('has timed out') }) },
  ]);
  expect(await kvs.get('late-write')).toBeUndefined();
  expect(
    fixture.emulator.logs.some((log) => log.level === 'error' && log.message.includes('timed out after 1 s')),
  ).toBe(true);
});

test('no more than `limit` consumers run at once for one concurrency key', async () => {
  const events = [
    ...Array.from({ length: 8 }, (_, n) => ({
      body: { mode: 'concurrency', n },
      concurrency: { key: 'dest-1', limit: 2 },
    })),
    ...Array.from({ length: 4 }, (_, n) => ({
      body: { mode: 'concurrency', n },
      concurrency: { key: 'dest-2', limit: 1 },
    })),
    ...Array.from({ length: 4 }, (_, n) => ({ body: { mode: 'concurrency', n } })),
  ];
  await push(fixture.emulator, events);
  await fixture.emulator.idle();
  expect(fixture.app.probe.deliveries).toHaveLength(16);
  expect(fixture.app.probe.maxRunning).toEqual({ 'dest-1': 2, 'dest-2': 1, none: 4 });
});

test('idle() waits for work that consumers push themselves; jobs can be cancelled', async () => {
  await push(fixture.emulator, [{ body: { mode: 'chain', next: 3 } }]);
  await fixture.emulator.idle();
  expect(delivered().map((event) => (event.body as { next: number }).next)).toEqual([3, 2, 1, 0]);
  fixture.app.resetProbe();
  const { jobId } = await push(fixture.emulator, [
    { body: { n: 1 }, delayInSeconds: 900 },
    { body: { n: 2 }, delayInSeconds: 900 },
  ]);
  const queue = new Queue({ key: 'work' });
  expect(await queue.getStats(jobId)).toEqual({ success: 0, inProgress: 2, failed: 0 });
  await queue.cancel(jobId);
  await fixture.emulator.idle({ timeoutMs: 200 });
  expect(fixture.app.probe.deliveries).toHaveLength(0);
});

test('faults: duplicates share an eventId; reorder changes the delivery order', async () => {
  const duplicating = await startFixtureEmulator({ faults: { duplicateRate: 1, random: () => 0 } });
  try {
    await push(duplicating, [{ body: { n: 1 } }, { body: { n: 2 } }]);
    await duplicating.idle();
    const ids = delivered().map((event) => event.eventId as string);
    expect(ids).toHaveLength(4);
    expect(new Set(ids).size).toBe(2);
  } finally {
    await duplicating.stop();
  }
  fixture.app.resetProbe();
  let seed = 7;
  const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const shuffling = await startFixtureEmulator({ faults: { reorder: true, random } });
  try {
    await push(
      shuffling,
      Array.from({ length: 8 }, (_, n) => ({ body: { n } })),
    );
    await shuffling.idle();
    const order = delivered().map((event) => (event.body as { n: number }).n);
    expect([...order].sort()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    expect(order).not.toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  } finally {
    await shuffling.stop();
  }
});
