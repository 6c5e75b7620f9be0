import { invokeOk, SURFACES } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import type { DeliveryLogEntry } from '../../src/contracts/deliveries';
import { MAX_ATTEMPTS } from '../../src/application/services/send-as-owner';
import { cardIdentity } from '../support/card-identity';
import { playFaultEvents, type PlayedEvent } from '../support/fault-events';
import { accountForFailures, type FailureAccount } from '../support/fault-failures';
import { ALUMNI, REX_RESTRICTED } from '../support/fault-rules';
import { buildFaultWorld, type FaultWorld } from '../support/fault-world';
import { startLossyGraphProxy, type LossyGraphProxy } from '../support/lossy-graph-proxy';
import { deliveryRows, logInToTeams, mapTenant } from '../support/notification-fixture';
import { startPipelineSandbox } from '../support/pipeline-sandbox';
import { seededRandom } from '../support/seeded-random';

/**
 * Issue 4's fault suite. Microsoft answers 20 % of Graph requests 429 or 503 and drops 1 % of
 * connections before answering; another 1 % of message posts are stored by Graph but their answer
 * is lost on the way back. The platform delivers 10 % of product events and queue messages twice
 * and hands queue messages out of order. 1,000 changes in Confluence must give every expected
 * Teams message exactly once, nothing for filtered or restricted content, and every permanent
 * failure in the delivery log. A message whose every attempt meets a fault ends failed in the log
 * too (visible, retryable): each such line is accounted for, and their number bounded
 * (GAVE_UP_SHARE). FAULT_SEED=<n> picks another scenario; the scenario (rules, changes,
 * expectations) is the same on every run of one seed, while which request meets which fault also
 * depends on timing.
 */
const SEED = Number(process.env.FAULT_SEED ?? 20261122);
const EVENTS = 1000;
const SPEED_UP = 10;
/**
 * How many expected messages may end failed because every attempt met an injected fault. The
 * simulator refuses 20 % of Graph requests (429 or 503) and drops 1 %; an attempt makes one
 * request, or two when it first looks for a message an earlier attempt may have stored, so it
 * fails with a probability of 0.21 to 0.38, and all five attempts with 0.0004 to 0.008: on
 * average 0.2 to 3.4 of ~435 messages (runs saw 1 or 2). 2 % of the expected messages, rounded
 * up (9 of 435), is passed by chance less than once in 300 runs even at the upper rate; retries
 * that stop honouring Retry-After, or fewer attempts, pass it.
 */
const GAVE_UP_SHARE = 0.02;
const simStart = Date.now();

describe('fault suite: 1,000 changes through a faulty Microsoft and an at-least-once platform', () => {
  let sandbox: Sandbox;
  let world: FaultWorld;
  let proxy: LossyGraphProxy | undefined;
  let played: PlayedEvent[] = [];
  let failedLog: DeliveryLogEntry[] = [];
  let account: FailureAccount = { permanent: [], gaveUp: [], unexplained: [], unlogged: [] };
  /** `identity|destination` → ids of the Teams messages (roots and replies) carrying that card. */
  const posted = new Map<string, string[]>();
  const unidentified: Array<{ destination: string; id: string; card: string }> = [];

  beforeAll(async () => {
    // The simulator draws its faults from Math.random: seeded too, so a failure replays.
    jest.spyOn(Math, 'random').mockImplementation(seededRandom(SEED + 2));
    let eventTime = Date.parse('2026-11-23T07:00:00Z');
    sandbox = await startPipelineSandbox({
      confluenceClock: () => eventTime,
      // Queue delays (Retry-After) run 10× faster than real time, and so does Microsoft's clock,
      // so a retry after Teams' "Retry-After: 1" meets a one-second window that has passed.
      delayScale: 1 / SPEED_UP,
      microsoftClock: () => simStart + (Date.now() - simStart) * SPEED_UP,
      forgeFaults: { duplicateRate: 0.1, reorder: true, random: seededRandom(SEED + 1) },
      interposeGraph: async (graphUrl) => {
        proxy = await startLossyGraphProxy(graphUrl, { lossRate: 0, random: seededRandom(SEED + 3) });
        return proxy;
      },
    });
    await mapTenant(sandbox);
    for (const who of ['ada', 'sam', 'mia', 'rex'] as const) await logInToTeams(sandbox, person(who));
    world = await buildFaultWorld(sandbox);
    await sandbox.forge.idle({ timeoutMs: 30_000 });

    sandbox.microsoft.faults.set({ rate429: 0.1, rate503: 0.1 / 0.9, dropRate: 0.01, retryAfterSeconds: 1 });
    proxy?.setLossRate(0.01);
    played = await playFaultEvents(sandbox, world, {
      total: EVENTS,
      perRound: 170,
      random: seededRandom(SEED),
      setEventTime: (epochMs) => {
        eventTime = epochMs;
      },
      start: eventTime + 3600_000,
    });
    await sandbox.forge.idle({ timeoutMs: 60_000 });
    sandbox.microsoft.faults.clear();
    proxy?.setLossRate(0);

    const teamOfChannel = new Map([...world.teams.values()].map((t) => [t.channels[0]?.id, t.displayName]));
    for (const message of sandbox.microsoft.messages()) {
      const destination = teamOfChannel.get(message.conversationId) ?? message.conversationId;
      const identity = cardIdentity(message.attachments[0]?.card);
      if (!identity) {
        unidentified.push({
          destination,
          id: message.id,
          card: JSON.stringify(message.attachments[0]?.card),
        });
        continue;
      }
      const key = `${identity}|${destination}`;
      posted.set(key, [...(posted.get(key) ?? []), message.id]);
    }
    failedLog = await invokeOk(sandbox, person('ada'), SURFACES.global, 'deliveries/list', {
      status: 'failed',
    });
    const delivered = (e: { identity: string; destination: string }) =>
      (posted.get(`${e.identity}|${e.destination}`) ?? []).length > 0;
    account = accountForFailures(
      failedLog,
      { failures: expected('failed'), undelivered: expected('message').filter((e) => !delivered(e)) },
      (destination) => `${destination} › Updates`,
    );
    const graph = sandbox.microsoft.requests().filter((r) => r.url.startsWith('/graph/'));
    const answered = (status: number | null) => graph.filter((r) => r.status === status).length;
    const attempts = new Map<number, number>();
    for (const row of deliveryRows(sandbox))
      attempts.set(row.attempts, (attempts.get(row.attempts) ?? 0) + 1);
    const messages = expected('message');
    const byAttempts = [...attempts.entries()].sort(([a], [b]) => a - b).map(([n, c]) => `${n} ×${c}`);
    const lines = [
      `Fault suite, seed ${SEED}: ${played.length} changes in ${(played.at(-1)?.event.round ?? 0) + 1} rounds.`,
      `Graph: ${graph.length} requests; answered 429 ×${answered(429)}, 503 ×${answered(503)}, dropped ×${answered(null)}; ` +
        `${proxy?.lost.length ?? 0} answers lost after Graph stored the message. Delivery rows by attempts: ${byAttempts.join(', ')}.`,
      `${messages.length} messages expected: ${messages.filter(delivered).length} arrived, ` +
        `${account.gaveUp.length} failed after a fault on each of ${MAX_ATTEMPTS} attempts ` +
        `(in the log, retryable; at most ${gaveUpBound()} may).`,
      `${expected('failed').length} permanent failures expected, ${account.permanent.length} in the log.`,
      `${failedLog.length} failed lines in the log = ${account.permanent.length} permanent + ${account.gaveUp.length} gave up` +
        (account.unexplained.length > 0 ? ` + ${account.unexplained.length} unexplained` : '') +
        (account.unlogged.length > 0 ? `; ${account.unlogged.length} expected lines missing` : '') +
        '.',
    ];
    process.stdout.write(`${lines.join('\n  ')}\n`);
  }, 170_000);

  afterAll(async () => {
    await sandbox?.stop();
    world?.removeTeams();
    jest.restoreAllMocks();
  });

  const gaveUpBound = () => Math.ceil(expected('message').length * GAVE_UP_SHARE);
  const expected = (outcome: 'message' | 'failed') =>
    played.flatMap((p) =>
      [...p.outcomes].filter(([, o]) => o === outcome).map(([destination]) => ({ ...p, destination })),
    );

  it('plays the whole scenario, with filtered and restricted changes among the expected ones', () => {
    expect(played).toHaveLength(EVENTS);
    expect(expected('message').length).toBeGreaterThan(400);
    expect(played.filter((p) => p.event.minorEdit).length).toBeGreaterThan(20);
    const onRestricted = played.filter((p) => world.pages.get(p.contentId)?.readers !== null);
    expect(onRestricted.length).toBeGreaterThan(10);
    expect(expected('failed').length).toBeGreaterThan(0);
  });

  it('gives every expected message exactly once; one that never arrived failed for good and is logged', () => {
    const lostIds = new Set((proxy?.lost ?? []).map((lost) => lost.messageId));
    const duplicated: string[] = [];
    for (const { identity, destination } of expected('message')) {
      const ids = posted.get(`${identity}|${destination}`) ?? [];
      if (ids.length > 1) {
        const why = lostIds.has(ids[0] ?? '')
          ? ': Graph stored the first, its answer was lost, the retry posted again'
          : '';
        duplicated.push(
          `"${identity}" in ${destination} posted ${ids.length} times (${ids.join(', ')})${why}`,
        );
      }
    }
    expect(duplicated).toEqual([]);
    expect(account.unlogged.filter((line) => line.startsWith('never arrived'))).toEqual([]);
  });

  it('sends nothing for filtered or restricted content', () => {
    const allowed = new Set(expected('message').map((e) => `${e.identity}|${e.destination}`));
    const unexpected = [...posted.keys()].filter((key) => !allowed.has(key));
    expect(unexpected).toEqual([]);
    expect(unidentified).toEqual([]);
    expect([...posted.keys()].filter((key) => key.endsWith(`|${REX_RESTRICTED}`))).toEqual([]);
  });

  it('lists every permanent failure in the delivery log, as a site admin sees it', () => {
    expect(failedLog.length).toBeLessThan(100); // the log shows the newest 100: none may be cut off
    expect(account.unlogged).toEqual([]);
    // A failed line for a message that did arrive would send an admin chasing a non-problem.
    expect(
      account.unexplained.map((e) => ({
        key: e.key,
        title: e.title,
        attempts: e.attempts,
        reason: e.reason,
      })),
    ).toEqual([]);
    expect(account.permanent.length).toBe(expected('failed').length);
    for (const entry of account.permanent) {
      expect(entry.destinationLabel.startsWith(ALUMNI)).toBe(true);
      expect(entry.reason).toMatch(/may no longer be a member of this channel/);
    }
  });

  it('fails an expected message only when each of its attempts met a fault, and rarely (bound above)', () => {
    // Every such line says so and counts the attempts (checked by accountForFailures); together
    // with the permanent failures they are all the failed lines there are.
    expect(failedLog.length).toBe(account.permanent.length + account.gaveUp.length);
    expect(account.gaveUp.length).toBeLessThanOrEqual(gaveUpBound());
  });

  it('leaves nothing to the platform’s dead letters', () => {
    expect(sandbox.forge.deadLetters).toEqual([]);
  });
});
