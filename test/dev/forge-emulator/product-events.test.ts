import { startFixtureEmulator, useFixtureEmulator } from './support/fixture-emulator';
import { APP_ACCOUNT_ID, CLOUD_ID, PEOPLE } from '../../../dev/seed';

const ADA = PEOPLE[0].accountId;
const pageEvent = (extra: object = {}) => ({
  atlassianId: ADA,
  eventCreatedDate: '2026-11-01T09:00:00.000Z',
  suppressNotifications: false,
  content: { id: '42', type: 'page', title: 'Runbook', space: { key: 'ENG' } },
  ...extra,
});

const fixture = useFixtureEmulator({ fresh: true });

const calls = (moduleKey: string) =>
  fixture.app.probe.triggerCalls.filter((call) => call.moduleKey === moduleKey);

test('an event runs every trigger listening to it with (event, context) as Forge passes them', async () => {
  await fixture.emulator.emitProductEvent('avi:confluence:created:page', pageEvent());
  // resolved once the trigger finished, without waiting for idle()
  expect(calls('page-events')).toEqual([
    {
      moduleKey: 'page-events',
      event: { ...pageEvent(), eventType: 'avi:confluence:created:page' },
      context: {
        cloudId: CLOUD_ID,
        moduleKey: 'page-events',
        installContext: `ari:cloud:confluence::site/${CLOUD_ID}`,
      },
    },
  ]);
  expect(calls('comment-events')).toEqual([]);
  await fixture.emulator.emitProductEvent('avi:confluence:deleted:page', pageEvent());
  expect(fixture.app.probe.triggerCalls).toHaveLength(1);
  expect(fixture.emulator.stats.snapshot().productEvents).toBeGreaterThanOrEqual(2);
});

test('ignoreSelf drops events the app caused; without it they arrive marked selfGenerated', async () => {
  await fixture.emulator.emitProductEvent(
    'avi:confluence:updated:page',
    pageEvent({ atlassianId: APP_ACCOUNT_ID }),
  );
  expect(calls('page-events')).toEqual([]);
  await fixture.emulator.emitProductEvent('avi:confluence:created:comment', {
    atlassianId: APP_ACCOUNT_ID,
    content: { id: '7' },
  });
  expect(calls('comment-events').map((call) => call.event.selfGenerated)).toEqual([true]);
  await fixture.emulator.emitProductEvent('avi:confluence:created:comment', {
    atlassianId: ADA,
    content: { id: '8' },
  });
  expect(calls('comment-events')[1].event.selfGenerated).toBeUndefined();
});

test('a trigger returning InvocationError gets the event again with retryContext', async () => {
  await fixture.emulator.emitProductEvent('avi:confluence:updated:page', pageEvent({ retryMe: true }));
  expect(calls('page-events')).toHaveLength(1);
  await fixture.emulator.idle();
  const [first, retry] = calls('page-events');
  expect(first.event.retryContext).toBeUndefined();
  expect(retry.event).toMatchObject({
    eventType: 'avi:confluence:updated:page',
    retryMe: true,
    retryContext: { retryCount: 1, retryReason: 'FUNCTION_UPSTREAM_RATE_LIMITED', retryData: { attempt: 1 } },
  });
  expect(fixture.emulator.deadLetters).toEqual([]);
});

test('after four retries the event is dead-lettered; a thrown trigger is not retried but recorded', async () => {
  await fixture.emulator.emitProductEvent('avi:confluence:updated:page', pageEvent({ alwaysRetry: true }));
  await fixture.emulator.idle();
  expect(
    calls('page-events').map(
      (call) => (call.event.retryContext as { retryCount: number } | undefined)?.retryCount,
    ),
  ).toEqual([undefined, 1, 2, 3, 4]);
  expect(fixture.emulator.deadLetters).toEqual([
    expect.objectContaining({
      kind: 'event',
      source: 'avi:confluence:updated:page',
      moduleKey: 'page-events',
      attempts: 5,
    }),
  ]);
  fixture.app.resetProbe();
  await fixture.emulator.emitProductEvent('avi:confluence:updated:page', pageEvent({ throwMe: true }));
  await fixture.emulator.idle();
  expect(calls('page-events')).toHaveLength(1);
  expect(fixture.emulator.deadLetters[1].reason).toContain('trigger exploded');
  expect(
    fixture.emulator.logs.some((log) => log.functionKey === 'on-page-event' && log.level === 'error'),
  ).toBe(true);
});

test('the duplicate fault delivers a product event twice', async () => {
  const duplicating = await startFixtureEmulator({ faults: { duplicateRate: 1, random: () => 0.5 } });
  try {
    await duplicating.emitProductEvent('avi:confluence:created:page', pageEvent());
    expect(calls('page-events')).toHaveLength(2);
  } finally {
    await duplicating.stop();
  }
});
