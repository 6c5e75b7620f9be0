import { flushPersonalDigests } from '../../../../../src/application/use-cases/notifications/flush-personal-digests';
import { deliverNotification } from '../../../../../src/application/use-cases/notifications/deliver-notification';
import { planPersonalDeliveries } from '../../../../../src/domain/personal-notification';
import { DEFAULT_PREFERENCES } from '../../../../../src/domain/preferences';
import { MicrosoftRequestError } from '../../../../../src/application/ports/microsoft';
import { aConversation, countingIdentity, scriptedBot } from '../../../../support/bot-fakes';
import { aContentEvent } from '../../../../support/builders';
import { attemptNo, deliveryDeps, OWNER } from '../../../../support/delivery-harness';
import { fakeConfluence, fixedClock } from '../../../../support/fakes';

const BERLIN = 'Europe/Berlin';

/** The owner has the app, quiet hours 19:00–08:00 in Berlin, and a watched page is updated at night. */
const nightWithQuietHours = async (options: { dailyDigest?: boolean; bot?: Array<Error | 'ok'> } = {}) => {
  const deps = {
    ...deliveryDeps(),
    identity: countingIdentity(),
    bot: scriptedBot(options.bot),
    clock: fixedClock('2026-12-03T22:00:00Z'), // 23:00 in Berlin
  };
  await deps.conversations.put(
    aConversation({ microsoftUser: `t:oid-${OWNER}`, tenantId: 't', oid: `oid-${OWNER}` }),
  );
  await deps.preferences.put(OWNER, {
    ...DEFAULT_PREFERENCES,
    quietHours: { enabled: true, start: '19:00', end: '08:00', timeZone: BERLIN },
    dailyDigest: options.dailyDigest ?? false,
    dailyDigestTime: '09:00',
  });
  const deliveries = ['65601', '65602'].map((contentId) => {
    const [delivery] = planPersonalDeliveries(
      aContentEvent({ contentId, actorAccountId: 'sam' }),
      new Map([[OWNER, ['watching'] as const]]),
      [],
    );
    if (!delivery) throw new Error('no delivery');
    return delivery;
  });
  for (const delivery of deliveries) await deliverNotification(deps, delivery, attemptNo(1));
  return { deps, deliveries };
};

describe('personal cards held for quiet hours and the daily digest', () => {
  it('holds cards during quiet hours and records why', async () => {
    const { deps, deliveries } = await nightWithQuietHours();
    expect(deps.bot.sent()).toHaveLength(0);
    expect(deps.deliveries.recordFor(deliveries[0]?.deliveryKey ?? '')).toMatchObject({
      status: 'held',
      reason: 'Held for your quiet hours, until 08:00 (Europe/Berlin)',
    });
    expect(deps.personalDigests.digestOf(OWNER)?.items).toHaveLength(2);
  });

  it('sends them in one card once quiet hours are over, and settles the rows', async () => {
    const { deps, deliveries } = await nightWithQuietHours();
    expect(
      await flushPersonalDigests(
        { ...deps, clock: fixedClock('2026-12-04T06:00:00Z') },
        new Date('2026-12-04T06:00:00Z'),
      ),
    ).toMatchObject({ 'not-due': 1 });
    expect(await flushPersonalDigests(deps, new Date('2026-12-04T07:05:00Z'))).toMatchObject({ sent: 1 });
    expect(deps.bot.sent()).toHaveLength(1);
    expect(JSON.stringify(deps.bot.sent()[0]?.outgoing)).toContain('2 updates for you');
    for (const delivery of deliveries)
      expect(deps.deliveries.recordFor(delivery.deliveryKey)).toMatchObject({
        status: 'sent',
        messageId: 'activity-1',
      });
    expect(deps.personalDigests.digestOf(OWNER)?.items).toEqual([]);
    expect(await flushPersonalDigests(deps, new Date('2026-12-04T07:10:00Z'))).toMatchObject({ sent: 0 });
  });

  it('leaves out what the person can no longer view, and says so in its row (invariant 3)', async () => {
    const { deps, deliveries } = await nightWithQuietHours();
    const hiding = {
      ...deps,
      ...fakeConfluence({
        getContentAs: async (_a, id) =>
          id === '65602' ? null : await fakeConfluence().content.getContentAs(_a, id),
      }),
    };
    await flushPersonalDigests(hiding, new Date('2026-12-04T07:05:00Z'));
    expect(JSON.stringify(deps.bot.sent()[0]?.outgoing)).toContain('1 update for you');
    expect(deps.deliveries.recordFor(deliveries[1]?.deliveryKey ?? '')).toMatchObject({
      status: 'skipped',
      reason: 'The recipient can no longer view this content',
    });
  });

  it('sends the daily digest once, at its time, whatever quiet hours say', async () => {
    const { deps } = await nightWithQuietHours({ dailyDigest: true });
    expect(await flushPersonalDigests(deps, new Date('2026-12-04T07:30:00Z'))).toMatchObject({
      'not-due': 1,
    }); // 08:30
    expect(await flushPersonalDigests(deps, new Date('2026-12-04T08:00:00Z'))).toMatchObject({ sent: 1 }); // 09:00
    expect(deps.personalDigests.digestOf(OWNER)?.lastDigestDate).toBe('2026-12-04');
  });

  it('keeps the cards when Teams throttles, for the next run', async () => {
    const throttled = new MicrosoftRequestError('throttled', 429, 'TooManyRequests', 'slow', 5);
    const { deps } = await nightWithQuietHours({ bot: [throttled] });
    expect(await flushPersonalDigests(deps, new Date('2026-12-04T07:05:00Z'))).toMatchObject({ later: 1 });
    expect(deps.personalDigests.digestOf(OWNER)?.items).toHaveLength(2);
    expect(await flushPersonalDigests(deps, new Date('2026-12-04T07:10:00Z'))).toMatchObject({ sent: 1 });
  });
});
