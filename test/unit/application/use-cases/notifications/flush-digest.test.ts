import {
  deliverNotification,
  MAX_ATTEMPTS,
} from '../../../../../src/application/use-cases/notifications/deliver-notification';
import { flushDigest } from '../../../../../src/application/use-cases/notifications/flush-digest';
import type { DigestRequest } from '../../../../../src/application/ports/delivery-flow';
import { MicrosoftRequestError } from '../../../../../src/application/ports/microsoft';
import { emptyActivity, type HeldItem } from '../../../../../src/domain/destination-activity';
import type { GraphDestination } from '../../../../../src/domain/rule';
import { DEFAULT_FLOOD_SETTINGS } from '../../../../../src/domain/send-plan';
import { adaptiveCardWarnings } from '../../../../support/adaptive-card-parser';
import {
  aConnection,
  cardIn,
  deliveryDeps,
  NOW,
  OWNER,
  plannedDelivery,
  type DeliveryTestDeps,
  attemptNo,
} from '../../../../support/delivery-harness';
import { scriptedTeams } from '../../../../support/fakes';

const page = (n: number) =>
  plannedDelivery({
    contentId: String(70000 + n),
    version: 2,
    occurredAt: new Date(NOW + n * 1000).toISOString(),
  });
const request: DigestRequest = {
  concurrencyKey: page(0).concurrencyKey,
  destination: page(0).destination as GraphDestination,
};

/** Eight new pages in a minute: five cards, three held. */
const burstOfEight = async (deps: DeliveryTestDeps) => {
  for (let n = 0; n < 8; n += 1) await deliverNotification(deps, page(n), attemptNo(1));
};

const heldItem = (n: number, sender: string): HeldItem => ({
  deliveryKey: `key-${n}`,
  senderAccountId: sender,
  kind: 'page_updated',
  contentType: 'page',
  spaceKey: 'ENG',
  title: `Page ${n}`,
  url: `https://site.example/wiki/pages/${n}`,
  authorName: 'Mia',
  redacted: false,
  at: NOW,
});

describe('flushDigest', () => {
  it('posts one valid digest card listing the held events, and marks their rows sent with it', async () => {
    const deps = deliveryDeps();
    await burstOfEight(deps);
    expect(await flushDigest(deps, request, attemptNo(1))).toEqual({
      kind: 'sent',
      messageId: 'm-6',
      items: 3,
    });
    const card = cardIn(deps.teams.postedCards()[5]?.message);
    expect(adaptiveCardWarnings(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('3 more updates in the last 10 minutes');
    for (const n of [5, 6, 7]) {
      expect(deps.deliveries.recordFor(page(n).deliveryKey)).toMatchObject({
        status: 'sent',
        messageId: 'm-6',
        reason: 'Sent in a digest',
      });
    }
    const activity = deps.activity.activityFor(request.concurrencyKey);
    expect(activity).toMatchObject({ held: [], digestScheduled: false, day: { messages: 6 } });
    expect(await flushDigest(deps, request, attemptNo(1))).toEqual({ kind: 'empty' });
    expect(deps.teams.postedCards()).toHaveLength(6);
  });

  it('posts one digest per sender, the next right after', async () => {
    const deps = deliveryDeps();
    deps.connections.add(aConnection('other'));
    deps.tokens.add('other', deps.tokens.tokensOf(OWNER)!);
    await deps.activity.put(request.concurrencyKey, {
      ...emptyActivity(),
      held: [heldItem(1, OWNER), heldItem(2, 'other'), heldItem(3, OWNER)],
      digestScheduled: true,
    });
    expect(await flushDigest(deps, request, attemptNo(1))).toMatchObject({ kind: 'sent', items: 2 });
    expect(deps.digests.scheduledDigests()).toEqual([{ request, delaySeconds: 1 }]);
    expect(await flushDigest(deps, request, attemptNo(1))).toMatchObject({ kind: 'sent', items: 1 });
    expect(deps.teams.postedCards().map((p) => p.token)).toEqual(['at-1', 'at-1']);
    expect(JSON.stringify(cardIn(deps.teams.postedCards()[0]?.message))).not.toContain('Page 2');
  });

  it('waits for the next day when the channel reached Teams’ daily limit', async () => {
    const deps = deliveryDeps();
    await deps.activity.put(request.concurrencyKey, {
      ...emptyActivity(),
      held: [heldItem(1, OWNER)],
      day: { date: '2026-11-22', messages: DEFAULT_FLOOD_SETTINGS.dailyHardLimit },
    });
    const outcome = await flushDigest(deps, request, attemptNo(1));
    expect(outcome).toEqual({ kind: 'deferred', delaySeconds: 14 * 3600 + 60 });
    expect(deps.teams.postedCards()).toHaveLength(0);
  });

  it('goes back to the queue when throttled, keeping the held events', async () => {
    const deps = {
      ...deliveryDeps(),
      teams: scriptedTeams([new MicrosoftRequestError('throttled', 429, 'TooManyRequests', 'slow', 4)]),
    };
    await deps.activity.put(request.concurrencyKey, { ...emptyActivity(), held: [heldItem(1, OWNER)] });
    expect(await flushDigest(deps, request, attemptNo(1))).toMatchObject({
      kind: 'retry',
      retryAfterSeconds: 4,
    });
    expect(deps.activity.activityFor(request.concurrencyKey)?.held).toHaveLength(1);
  });

  it('marks the held rows failed when the digest fails for good', async () => {
    const deps = {
      ...deliveryDeps(),
      teams: scriptedTeams(
        [...Array(5)].map(() => new MicrosoftRequestError('unavailable', 503, 'Unavailable', 'down')),
      ),
    };
    for (let n = 0; n < 6; n += 1)
      await deliverNotification({ ...deps, teams: scriptedTeams() }, page(n), attemptNo(1));
    expect(await flushDigest(deps, request, attemptNo(MAX_ATTEMPTS))).toMatchObject({
      kind: 'failed',
      items: 1,
    });
    expect(deps.deliveries.recordFor(page(5).deliveryKey)).toMatchObject({
      status: 'failed',
      reason: expect.stringMatching(/^Digest not sent: Microsoft Teams answered 503/),
    });
    expect(deps.activity.activityFor(request.concurrencyKey)?.held).toEqual([]);
  });
});

/** A held event goes out in a digest only while its rule still sends it (invariant 5: the rest is recorded). */
describe('flushDigest and rules changed since an event was held', () => {
  /** Eight new pages in a minute, each matched by its own rule: five cards, three held (5, 6, 7). */
  const burst = async (deps: DeliveryTestDeps) => {
    const planned = Array.from({ length: 8 }, (_, n) => page(n));
    for (const delivery of planned) await deliverNotification(deps, delivery, attemptNo(1));
    return planned;
  };
  const ruleOf = (delivery: ReturnType<typeof page>) => delivery.senders[0]?.ruleId ?? '';

  it('leaves out the events of a rule deleted since, marking their rows skipped', async () => {
    const deps = deliveryDeps();
    const planned = await burst(deps);
    await deps.rules.delete(ruleOf(planned[6]));
    expect(await flushDigest(deps, request, attemptNo(1))).toMatchObject({ kind: 'sent', items: 2 });
    expect(JSON.stringify(cardIn(deps.teams.postedCards()[5]?.message))).not.toContain('70006');
    expect(deps.deliveries.recordFor(planned[6].deliveryKey)).toMatchObject({
      status: 'skipped',
      reason: 'The rule was deleted after this update was held for a digest.',
    });
    expect(deps.deliveries.recordFor(planned[5].deliveryKey)).toMatchObject({ status: 'sent' });
  });

  it('posts nothing when no held event’s rule still sends it', async () => {
    const deps = deliveryDeps();
    const planned = await burst(deps);
    for (const n of [5, 6]) await deps.rules.delete(ruleOf(planned[n]));
    const off = planned[7];
    const rule = await deps.rules.get(ruleOf(off));
    await deps.rules.put({ ...rule!, enabled: false, version: rule!.version + 1 });
    expect(await flushDigest(deps, request, attemptNo(1))).toEqual({ kind: 'empty' });
    expect(deps.teams.postedCards()).toHaveLength(5);
    expect(deps.deliveries.recordFor(off.deliveryKey)).toMatchObject({
      status: 'skipped',
      reason: 'The rule was turned off after this update was held for a digest.',
    });
    expect(deps.activity.activityFor(request.concurrencyKey)?.held).toEqual([]);
  });
});
