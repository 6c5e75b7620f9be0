import { join } from 'node:path';
import { startForgeEmulator, type ForgeEmulator } from '../../../dev/forge-emulator';
import { APP_ACCOUNT_ID, CLOUD_ID } from '../../../dev/seed';
import type * as ScheduledApp from './scheduled-app/src/index';

/**
 * Scheduled triggers run on the emulator's clock: first about five minutes after start, then on
 * their interval; `{ context: { cloudId, moduleKey }, contextToken }` and `{ principal, installContext }`
 * as arguments; a failure is not retried and the next tick runs as usual.
 *
 * @see forge-docs manifest-reference/modules/scheduled-trigger, function-reference/scheduled-trigger
 */
const APP_DIR = join(__dirname, 'scheduled-app');
const loadApp = () => jest.requireActual<typeof ScheduledApp>('./scheduled-app/src/index');
const app = loadApp();

const T0 = Date.UTC(2026, 10, 2, 8, 0, 0);
const MINUTE = 60_000;
let now = T0;
let emulator: ForgeEmulator;

const start = (clock: () => number = () => now) =>
  startForgeEmulator({
    appDir: APP_DIR,
    loadApp,
    productBaseUrls: { confluence: 'http://127.0.0.1:9/no-product' },
    siteUrl: 'https://contoso.atlassian.net',
    cloudId: CLOUD_ID,
    appAccountId: APP_ACCOUNT_ID,
    quiet: true,
    delayScale: 0.001,
    clock,
  });

const runs = (functionKey: string) => app.probe.calls.filter((call) => call.functionKey === functionKey);
const runCounts = () => ({
  digest: runs('digest').length,
  sweep: runs('sweep').length,
  report: runs('report').length,
});
/** Moves the test clock and lets the emulator start what is due (idle() looks at the clock first). */
const advanceTo = async (ms: number) => {
  now = ms;
  await emulator.idle();
};

beforeEach(async () => {
  now = T0;
  app.resetProbe();
  emulator = await start();
});
afterEach(() => emulator.stop());

test('each trigger runs about five minutes after start, then on its interval by the emulator clock', async () => {
  await advanceTo(T0 + 4 * MINUTE);
  expect(runCounts()).toEqual({ digest: 0, sweep: 0, report: 0 });
  await advanceTo(T0 + 5 * MINUTE);
  expect(runCounts()).toEqual({ digest: 1, sweep: 1, report: 1 });
  await advanceTo(T0 + 10 * MINUTE);
  expect(runCounts()).toEqual({ digest: 1, sweep: 2, report: 1 });
  await advanceTo(T0 + 12 * MINUTE);
  expect(runCounts()).toEqual({ digest: 1, sweep: 2, report: 1 });
  // An hour later: the hourly one runs once more; the five-minute one once, not once per missed tick.
  await advanceTo(T0 + 65 * MINUTE);
  expect(runCounts()).toEqual({ digest: 2, sweep: 3, report: 1 });
  // Its phase stays: due again at 70 minutes, not five minutes after the late run.
  await advanceTo(T0 + 69 * MINUTE);
  expect(runCounts()).toMatchObject({ sweep: 3 });
  await advanceTo(T0 + 70 * MINUTE);
  expect(runCounts()).toMatchObject({ sweep: 4 });
  await advanceTo(T0 + 5 * MINUTE + 7 * 24 * 60 * MINUTE);
  expect(runCounts()).toMatchObject({ report: 2 });
});

test('without idle(), the emulator notices the clock by itself', async () => {
  now = T0 + 5 * MINUTE;
  const deadline = Date.now() + 2000;
  while (app.probe.finished.sweep !== 1 && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 10));
  expect(app.probe.finished).toMatchObject({ sweep: 1, digest: 1, report: 1 });
});

test('the function gets the request and context Forge gives a scheduled trigger, and no user', async () => {
  await advanceTo(T0 + 5 * MINUTE);
  const [run] = runs('digest');
  expect(run.request).toEqual({
    context: { cloudId: CLOUD_ID, moduleKey: 'hourly-digest' },
    contextToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]*$/),
  });
  expect(run.context).toEqual({
    principal: undefined,
    installContext: `ari:cloud:confluence::site/${CLOUD_ID}`,
  });
  expect(run.appModuleKey).toBe('hourly-digest');
  expect(app.probe.notes).toEqual([{ asUserError: 'NeedsAuthenticationError' }]);
  // The run is counted like any invocation.
  expect(emulator.stats.snapshot().invocations.digest.count).toBe(1);
});

test('runScheduledTrigger runs one now, resolves when it is done, and leaves the schedule alone', async () => {
  app.probe.digestWaitMs = 50;
  const run = await emulator.runScheduledTrigger('hourly-digest');
  expect(app.probe.finished).toEqual({ digest: 1 });
  expect(run).toEqual({
    moduleKey: 'hourly-digest',
    invocationId: expect.any(String),
    ok: true,
    timedOut: false,
  });
  expect(runs('digest')[0].request).toMatchObject({ context: { moduleKey: 'hourly-digest' } });
  await advanceTo(T0 + 5 * MINUTE);
  expect(runCounts()).toEqual({ digest: 2, sweep: 1, report: 1 });
  await expect(emulator.runScheduledTrigger('no-such-trigger')).rejects.toThrow(
    "manifest.yml has no scheduled trigger 'no-such-trigger'",
  );
});

test('a failing run is logged and recorded, not retried, and the next tick runs', async () => {
  app.probe.sweep = 'throw';
  await advanceTo(T0 + 5 * MINUTE);
  const failed = await emulator.runScheduledTrigger('sweep-every-five');
  expect(failed).toMatchObject({ ok: false, timedOut: false });
  await emulator.idle();
  expect(runs('sweep')).toHaveLength(2);
  expect(emulator.deadLetters).toEqual([]);
  const lines = emulator.logs.filter((line) => line.invocationId === failed.invocationId);
  expect(lines.map((line) => [line.level, line.message])).toEqual([
    ['error', 'sweep is about to fail'],
    ['error', expect.stringContaining('Invocation failed: Error: sweep exploded')],
  ]);

  app.probe.sweep = 'ok';
  await advanceTo(T0 + 10 * MINUTE);
  expect(runs('sweep')).toHaveLength(3);
  expect(app.probe.finished.sweep).toBe(1);
  expect(emulator.stats.snapshot().invocations.sweep).toMatchObject({ count: 3, failures: 2 });
});

test("a run past the function's timeoutSeconds fails with FUNCTION_TIME_OUT", async () => {
  app.probe.sweep = 'hang';
  const run = await emulator.runScheduledTrigger('sweep-every-five');
  expect(run).toMatchObject({ ok: false, timedOut: true });
  expect(emulator.logs).toContainEqual(
    expect.objectContaining({
      invocationId: run.invocationId,
      level: 'error',
      message: "Function 'sweep' timed out after 1 s",
    }),
  );
});

test('an answer Forge counts as an error is logged: a 5xx statusCode, or no response at all', async () => {
  app.probe.sweep = 'answer-500';
  const fiveHundred = await emulator.runScheduledTrigger('sweep-every-five');
  app.probe.sweep = 'answer-nonsense';
  const nonsense = await emulator.runScheduledTrigger('sweep-every-five');
  const linesOf = (id: string) => emulator.logs.filter((line) => line.invocationId === id);
  expect(linesOf(fiveHundred.invocationId)).toEqual([
    expect.objectContaining({ level: 'warn', message: expect.stringContaining('statusCode 500') }),
  ]);
  expect(linesOf(nonsense.invocationId)).toEqual([
    expect.objectContaining({ level: 'warn', message: expect.stringContaining('424') }),
  ]);
  // `digest` returns nothing, as the module page's example does: nothing to say about that.
  const quiet = await emulator.runScheduledTrigger('hourly-digest');
  expect(linesOf(quiet.invocationId)).toEqual([]);
});

test('idle() waits for running scheduled invocations but not for the next tick', async () => {
  app.probe.digestWaitMs = 80;
  const running = emulator.runScheduledTrigger('hourly-digest');
  await emulator.idle({ timeoutMs: 1000 });
  expect(app.probe.finished).toEqual({ digest: 1 });
  await running;

  // On the real clock the next tick is minutes away; idle() answers at once all the same.
  await emulator.stop();
  emulator = await start(Date.now);
  const started = Date.now();
  await emulator.idle({ timeoutMs: 1000 });
  expect(Date.now() - started).toBeLessThan(500);
});

interface ScheduledOverview {
  modules: Array<{ type: string; key: string; functionKey?: string; detail: string }>;
  scheduledTriggers: Array<{
    key: string;
    functionKey: string;
    interval: string;
    nextRunAt: string;
    lastRun?: { startedAt: string; ok: boolean; invocationId: string };
  }>;
  invocations: { rows: Array<{ functionKey: string; kind: string; ok: boolean }> };
}

test('the overview page lists the scheduled triggers with their interval and next run', async () => {
  app.probe.sweep = 'throw';
  await advanceTo(T0 + 5 * MINUTE);
  const json = (await (await fetch(`${emulator.url}/?format=json`)).json()) as ScheduledOverview;
  expect(json.scheduledTriggers).toEqual([
    {
      key: 'hourly-digest',
      functionKey: 'digest',
      interval: 'hour',
      nextRunAt: new Date(T0 + 65 * MINUTE).toISOString(),
      lastRun: {
        startedAt: new Date(T0 + 5 * MINUTE).toISOString(),
        ok: true,
        invocationId: expect.any(String),
      },
    },
    expect.objectContaining({
      key: 'sweep-every-five',
      interval: 'fiveMinute',
      nextRunAt: new Date(T0 + 10 * MINUTE).toISOString(),
      lastRun: expect.objectContaining({ ok: false }),
    }),
    expect.objectContaining({ key: 'weekly-report', interval: 'week' }),
  ]);
  expect(json.modules).toContainEqual({
    type: 'scheduledTrigger',
    key: 'hourly-digest',
    functionKey: 'digest',
    detail: `every hour · next run ${new Date(T0 + 65 * MINUTE).toISOString()}`,
  });
  expect(json.invocations.rows).toContainEqual(
    expect.objectContaining({ functionKey: 'sweep', kind: 'scheduledTrigger', ok: false }),
  );

  const page = await (await fetch(`${emulator.url}/`)).text();
  expect(page).toContain('<h2 id="scheduled-triggers">Scheduled triggers</h2>');
  expect(page).toContain('<code>hourly-digest</code>');
  expect(page).toContain(new Date(T0 + 65 * MINUTE).toISOString());
  expect(page).toMatch(/<td class="bad">\s*failed\s*<\/td>/);
});
