import { afterDigest } from '../../../domain/activity-updates';
import { messagesToday, type DestinationActivity, type HeldItem } from '../../../domain/destination-activity';
import { sendIdFor } from '../../../domain/delivery-plan';
import { buildDigestCard } from '../../../domain/digest-card';
import {
  DEFAULT_FLOOD_SETTINGS,
  paceRequest,
  reserveSlot,
  takeDigest,
  type FloodSettings,
} from '../../../domain/send-plan';
import { heldStillSent } from '../../services/current-senders';
import { settleHeldRows } from '../../services/delivery-records';
import { createOnce, type DispatchDeps } from '../../services/dispatch-card';
import type { ConfluencePeople } from '../../ports/confluence';
import type { DestinationActivityStore, DigestRequest, DigestScheduler } from '../../ports/delivery-flow';
import type { DeliveryStore, RuleStore } from '../../ports/stores';
import { mayHaveBeenDone } from '../../services/microsoft-failures';
import { classifyFailure, type Attempt, type Failure } from '../../services/send-as-owner';

interface DigestDeps extends DispatchDeps {
  rules: Pick<RuleStore, 'getMany'>;
  deliveries: DeliveryStore;
  people: ConfluencePeople;
  activity: DestinationActivityStore;
  digests: DigestScheduler;
  flood?: FloodSettings;
}

type DigestOutcome =
  | { kind: 'empty' }
  | { kind: 'deferred'; delaySeconds: number }
  /** Back on the queue for its turn at the destination (Teams' per-channel limit). */
  | { kind: 'paced'; delaySeconds: number }
  | { kind: 'sent'; messageId: string; items: number }
  | { kind: 'failed'; reason: string; items: number }
  | Extract<Failure, { kind: 'retry' }>;

const DAY_MS = 24 * 3600 * 1000;
/** Another sender's held items follow right after: one digest per sender, one at a time. */
const NEXT_DIGEST_SECONDS = 1;

/** The same digest request for a later run, which waits for its own turn. */
const undeferred = ({ concurrencyKey, destination }: DigestRequest): DigestRequest => ({
  concurrencyKey,
  destination,
});

/** What is due now: nothing (an outcome says why), or one sender's held items to send. */
type Due =
  | { kind: 'done'; outcome: DigestOutcome }
  | {
      kind: 'send';
      activity: DestinationActivity;
      sender: string;
      items: HeldItem[];
      overflow: number;
      rest: HeldItem[];
    };

/**
 * Takes the next sender's held items off the destination, dropping (and recording) those whose
 * rule no longer sends them. A channel at Teams' daily limit gets its digest the next day (UTC),
 * in steps of the queue's longest delay. A digest too soon after the last request goes back to
 * the queue for a reserved slot, as a delivery does (services/pace-send.ts says why it is sent
 * when it comes back, and why a retry is not paced).
 */
const takeDue = async (
  deps: DigestDeps,
  request: DigestRequest,
  settings: FloodSettings,
  waited: boolean,
): Promise<Due> => {
  const key = request.concurrencyKey;
  const activity = await deps.activity.get(key);
  if (!activity || activity.held.length === 0) {
    if (activity?.digestScheduled) await deps.activity.put(key, { ...activity, digestScheduled: false });
    return { kind: 'done', outcome: { kind: 'empty' } };
  }
  const now = deps.clock.now().getTime();
  if (request.destination.type === 'channel' && messagesToday(activity, now) >= settings.dailyHardLimit) {
    const delaySeconds = Math.ceil((DAY_MS - (now % DAY_MS)) / 1000) + 60;
    await deps.digests.schedule(undeferred(request), delaySeconds);
    return { kind: 'done', outcome: { kind: 'deferred', delaySeconds } };
  }
  const pacing = waited || request.deferredTo !== undefined ? null : paceRequest(activity, now, settings);
  if (pacing?.action === 'defer') {
    await deps.digests.schedule({ ...request, deferredTo: pacing.slotAt }, pacing.delaySeconds);
    await deps.activity.put(key, reserveSlot(activity, pacing.slotAt));
    return { kind: 'done', outcome: { kind: 'paced', delaySeconds: pacing.delaySeconds } };
  }
  const { sender, items: taken, overflow, rest } = takeDigest(activity);
  if (!sender) return { kind: 'done', outcome: { kind: 'empty' } };
  // A rule deleted, turned off or moved since it held an event no longer posts it (invariant 5: recorded).
  const { kept: items, dropped } = await heldStillSent(deps.rules, taken, request.destination);
  for (const { item, reason } of dropped)
    await settleHeldRows(deps, [item.deliveryKey], { status: 'skipped', reason });
  if (items.length === 0) {
    if (rest.length > 0) await deps.digests.schedule(undeferred(request), NEXT_DIGEST_SECONDS);
    // Nothing was sent: the pacing clock stays where the last request left it.
    await deps.activity.put(key, {
      ...afterDigest(activity, rest, now, false),
      lastRequestAt: activity.lastRequestAt,
    });
    return { kind: 'done', outcome: { kind: 'empty' } };
  }
  return { kind: 'send', activity, sender, items, overflow, rest };
};

/** Posts the digest card once as its sender and settles the items' delivery rows either way. */
const sendDigest = async (
  deps: DigestDeps,
  request: DigestRequest,
  due: Extract<Due, { kind: 'send' }>,
  settings: FloodSettings,
  { number: attempt, unconfirmed }: Attempt,
): Promise<DigestOutcome> => {
  const { sender, items, overflow } = due;
  const keys = items.map((item) => item.deliveryKey);
  const ownerName = await deps.people.displayNameOf(sender);
  const card = buildDigestCard({
    items,
    overflow,
    windowMinutes: settings.windowMs / 60_000,
    ruleOwnerName: ownerName,
  });
  // The same held items give the same digest on a retry, and so the same send id.
  const sendId = sendIdFor(`digest:${keys.join(',')}`);
  const send = {
    destination: request.destination,
    ownerAccountId: sender,
    connection: await deps.connections.get(sender),
    outgoing: { card, sendId },
    mayHaveSent: unconfirmed,
  };
  try {
    const messageId = await createOnce(deps, send, (t) =>
      deps.teams.postMessage(t, send.destination, send.outgoing),
    );
    await settleHeldRows(deps, keys, { status: 'sent', messageId });
    return { kind: 'sent', messageId, items: items.length };
  } catch (error) {
    const failure = classifyFailure(error, attempt, ownerName);
    if (failure.kind === 'retry') return { ...failure, unconfirmed: unconfirmed || mayHaveBeenDone(error) };
    await settleHeldRows(deps, keys, { status: 'failed', reason: `Digest not sent: ${failure.reason}` });
    return { kind: 'failed', reason: failure.reason, items: items.length };
  }
};

/**
 * Posts one digest of the events a destination held back during its burst window, as the
 * sender whose rules cleared them, then marks their delivery rows; the next sender's digest
 * follows in its own run.
 */
export const flushDigest = async (
  deps: DigestDeps,
  request: DigestRequest,
  attempt: Attempt,
): Promise<DigestOutcome> => {
  const settings = deps.flood ?? DEFAULT_FLOOD_SETTINGS;
  const due = await takeDue(deps, request, settings, attempt.number > 1);
  if (due.kind === 'done') return due.outcome;
  const outcome = await sendDigest(deps, request, due, settings, attempt);
  // A retry leaves the held items where they are: the queue's next attempt takes them again.
  if (outcome.kind === 'retry') return outcome;
  if (due.rest.length > 0) await deps.digests.schedule(undeferred(request), NEXT_DIGEST_SECONDS);
  await deps.activity.put(
    request.concurrencyKey,
    afterDigest(due.activity, due.rest, deps.clock.now().getTime(), outcome.kind === 'sent'),
  );
  return outcome;
};
