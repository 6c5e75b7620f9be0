import { useFixtureEmulator } from './support/fixture-emulator';
import { PEOPLE } from '../../../dev/seed';

const [ada, sam] = PEOPLE;
const fixture = useFixtureEmulator();

type ProbeResult = {
  aaid?: string;
  contextAccountId?: string;
  invocationId: string;
  moduleKey: string;
  remainingMs: number;
};
const contextProbe = (accountId: string | undefined, delayMs: number) =>
  fixture.emulator.invokeResolver({
    moduleKey: 'fixture-settings',
    accountId,
    functionKey: 'context-probe',
    payload: { delayMs },
    extension: { space: { key: 'ENG' } },
  }) as Promise<ProbeResult & Record<string, unknown>>;

test('concurrent resolvers, triggers and consumers each keep their own context', async () => {
  fixture.app.resetProbe();
  const [forAda, forSam, anonymous] = await Promise.all([
    contextProbe(ada.accountId, 30),
    contextProbe(sam.accountId, 10),
    contextProbe(undefined, 20),
    fixture.emulator.emitProductEvent('avi:confluence:created:page', {
      atlassianId: ada.accountId,
      contextProbe: true,
    }),
    fixture.emulator.invokeResolver({
      moduleKey: 'fixture-settings',
      functionKey: 'enqueue',
      payload: { events: [{ body: { mode: 'context' } }] },
    }),
  ]);
  await fixture.emulator.idle();
  expect(forAda).toMatchObject({
    aaid: ada.accountId,
    contextAccountId: ada.accountId,
    moduleKey: 'fixture-settings',
  });
  expect(forSam).toMatchObject({ aaid: sam.accountId, contextAccountId: sam.accountId });
  expect(anonymous.aaid).toBeUndefined();
  expect(new Set([forAda.invocationId, forSam.invocationId, anonymous.invocationId]).size).toBe(3);
  expect(fixture.app.probe.notes).toEqual(
    expect.arrayContaining([
      { trigger: 'page-events', aaid: undefined },
      { consumer: 'work-consumer', aaid: undefined },
    ]),
  );
  expect(forAda).toMatchObject({
    environmentType: 'DEVELOPMENT',
    appAri: 'ari:cloud:ecosystem::app/0b7c6a52-1f6e-4c1e-9a43-5d2f3e4a1b00',
    extension: { type: 'confluence:globalSettings', space: { key: 'ENG' } },
    localId: expect.stringContaining('/static/fixture-settings'),
  });
  expect(forAda.remainingMs).toBeGreaterThan(20_000);
  expect(forAda.remainingMs).toBeLessThanOrEqual(25_000);
});

test('console lines inside invocations are kept with their function and invocation', async () => {
  await fixture.emulator.invokeResolver({
    moduleKey: 'fixture-settings',
    functionKey: 'kvs-roundtrip',
    payload: { key: 'k', value: 1 },
  });
  const line = fixture.emulator.logs.find((log) => log.message === 'storing k');
  expect(line).toEqual({
    time: expect.any(String),
    functionKey: 'resolver',
    invocationId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    level: 'log',
    message: 'storing k',
  });
});

test('stats count invocations with their durations and reset', async () => {
  fixture.emulator.stats.reset();
  await fixture.emulator.invokeResolver({ moduleKey: 'fixture-settings', functionKey: 'slow' });
  await fixture.emulator.invokeResolver({ moduleKey: 'fixture-settings', functionKey: 'slow' });
  await fixture.emulator
    .invokeResolver({ moduleKey: 'fixture-settings', functionKey: 'fail' })
    .catch(() => undefined);
  const { invocations } = fixture.emulator.stats.snapshot();
  expect(invocations.resolver).toMatchObject({ count: 3, failures: 1 });
  expect(invocations.resolver.durationsMs).toHaveLength(3);
  expect(invocations.resolver.durationsMs[0]).toBeGreaterThanOrEqual(45);
  expect(invocations.resolver.totalMs).toBeGreaterThanOrEqual(90);
  fixture.emulator.stats.reset();
  expect(fixture.emulator.stats.snapshot().invocations).toEqual({});
});
