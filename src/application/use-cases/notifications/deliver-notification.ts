import type { ContentEvent } from '../../../domain/content-event';
import type { DeliveryStatus } from '../../../domain/delivery';
import { sendIdFor, type PlannedDelivery, type PlannedSender } from '../../../domain/delivery-plan';
import { afterHold } from '../../../domain/activity-updates';
import { emptyActivity } from '../../../domain/destination-activity';
import { isAppWrittenVersion } from '../../../domain/echo-guard';
import { EDIT_MESSAGE_PERMISSION, grantsPermission } from '../../../domain/microsoft-permissions';
import type { GraphDestination } from '../../../domain/rule';
import {
  DEFAULT_FLOOD_SETTINGS,
  planSend,
  type FloodSettings,
  type SendPlan,
} from '../../../domain/send-plan';
import { chooseSender } from '../../services/choose-sender';
import { composeCard, heldItemFor, type Cleared as ClearedChoice } from '../../services/compose-card';
import { currentSenders } from '../../services/current-senders';
import { DEFAULT_PREFERENCES } from '../../../domain/preferences';
import { currentPersonalSenders, sendPersonally, type PersonalSendDeps } from './send-personally';
import { deliveryRecorder, isFinal, type Recorder } from '../../services/delivery-records';
import { openDeliverySession, type DeliverySession } from '../../services/delivery-session';
import { dispatchCard, type DispatchArgs, type DispatchDeps } from '../../services/dispatch-card';
import { deferForPacing, type Deferred, type PacingDeps } from '../../services/pace-send';
import type { AppView, ConfluencePeople, ContentReader, CqlSearch } from '../../ports/confluence';
import type { DestinationActivityStore, DigestScheduler } from '../../ports/delivery-flow';
import type { DeliverySnapshotStore } from '../../ports/delivery-snapshot';
import type { DeliveryStore, RuleStore } from '../../ports/stores';
import { mayHaveBeenDone } from '../../services/microsoft-failures';
import { classifyFailure, type Attempt, type Failure } from '../../services/send-as-owner';

export { MAX_ATTEMPTS } from '../../services/send-as-owner';

type DeliverDeps = DispatchDeps &
  PersonalSendDeps &
  PacingDeps & {
    rules: Pick<RuleStore, 'getMany'>;
    deliveries: DeliveryStore;
    content: ContentReader;
    search: Pick<CqlSearch, 'matchesCqlAs'>;
    people: ConfluencePeople;
    appView: Pick<AppView, 'readContentFacts' | 'readAppCommentMarker'>;
    activity: DestinationActivityStore;
    digests: DigestScheduler;
    /** The "no flood" settings; the product's defaults when absent. */
    flood?: FloodSettings;
    /** Reads and writes a delivery's records together; absent, the stores one by one. */
    snapshots?: DeliverySnapshotStore;
  };

type DeliverOutcome =
  | { kind: 'already-done'; status: DeliveryStatus }
  | { kind: 'sent'; messageId: string; via: 'post' | 'update' | 'reply' | 'already-shown' }
  | { kind: 'held' }
  | { kind: 'skipped'; reason: string }
  | Deferred
  | Failure;

const VIA_NOTE = {
  update: 'Updated the card already posted for this page',
  reply: 'Replied in the thread of the card posted for this page',
  post: undefined,
} as const;

const ECHO_REASON = 'A comment the app posted from Teams (invariant 8)';

/** Invariant 8, second half: a comment the app posted for a Teams user carries its marker. */
const isAppComment = async (
  appView: Pick<AppView, 'readAppCommentMarker'>,
  event: ContentEvent,
): Promise<boolean> =>
  event.comment !== undefined &&
  isAppWrittenVersion(await appView.readAppCommentMarker(event.comment.id), event.comment.version);

/** A change cleared to go to one destination, with what planning it read. */
interface Cleared {
  delivery: PlannedDelivery;
  destination: GraphDestination;
  choice: ClearedChoice;
  record: Recorder;
}

/** What the destination's recent activity says to do with this change, and what that read. */
const planFor = async (deps: DeliverDeps, { delivery, destination, choice }: Cleared) => {
  const settings = deps.flood ?? DEFAULT_FLOOD_SETTINGS;
  const { event } = delivery;
  const owner = choice.sender.ownerAccountId;
  const activity =
    (await deps.activity.get(delivery.concurrencyKey, [delivery.event.contentId])) ?? emptyActivity();
  const now = deps.clock.now().getTime();
  // Windows run on the time of the change, so queue lag and retries do not stretch them.
  const eventTime = Date.parse(event.occurredAt) || now;
  const connection = await deps.connections.get(owner);
  const canEditMessages = grantsPermission(
    connection?.scopes ?? [],
    EDIT_MESSAGE_PERMISSION[destination.type],
  );
  const plan = planSend(
    activity,
    { event, eventTime, now, senderAccountId: owner, destinationType: destination.type, canEditMessages },
    settings,
  );
  return { plan, settings, activity, connection, eventTime };
};

type Planned = Awaited<ReturnType<typeof planFor>>;

/** Keeps the change for the destination's digest (a burst, or a channel near its daily limit). */
const holdForDigest = async (
  deps: DeliverDeps,
  { delivery, destination, choice, record }: Cleared,
  { plan, settings, activity, eventTime }: Planned & { plan: Extract<SendPlan, { action: 'hold' }> },
): Promise<DeliverOutcome> => {
  const key = delivery.concurrencyKey;
  const item = await heldItemFor(deps.people, delivery, choice, eventTime);
  if (plan.digestInMs !== null)
    await deps.digests.schedule({ concurrencyKey: key, destination }, plan.digestInMs / 1000);
  await deps.activity.put(key, afterHold(activity, item, plan.digestInMs !== null));
  const reason =
    plan.reason === 'burst'
      ? `More than ${settings.burstLimit} updates for this destination within ${settings.windowMs / 60_000} minutes: it goes out in one digest`
      : 'This channel is near Teams’ daily message limit: it goes out in a digest';
  await record('held', { reason });
  return { kind: 'held' };
};

/** Composes the card and posts it, edits the card already there, or replies under it. */
const sendCard = async (
  deps: DeliverDeps,
  { delivery, destination, choice, record }: Cleared,
  { plan, settings, activity, connection, eventTime }: Planned & { plan: DispatchArgs['plan'] },
  mayHaveSent: boolean,
): Promise<DeliverOutcome> => {
  const { event } = delivery;
  const card = await composeCard(deps, delivery, choice, plan.action === 'update' ? plan.card : undefined);
  const sent = await dispatchCard(deps, {
    plan,
    destination,
    ownerAccountId: choice.sender.ownerAccountId,
    connection,
    outgoing: { card, sendId: sendIdFor(delivery.deliveryKey) },
    mayHaveSent,
    activity,
    change: {
      contentId: event.contentId,
      kind: event.kind,
      version: event.version,
      eventTime,
      editorAccountId: event.actorAccountId,
    },
    settings,
  });
  const note = VIA_NOTE[sent.via];
  await record('sent', { messageId: sent.messageId, ...(note ? { reason: note } : {}) });
  await deps.activity.put(delivery.concurrencyKey, sent.activity);
  return { kind: 'sent', messageId: sent.messageId, via: sent.via };
};

/**
 * Plans against the destination's recent activity, then does what the plan says; a send that
 * must wait for its turn goes back to the queue before a token is fetched or a card composed.
 */
const sendCleared = async (
  deps: DeliverDeps,
  cleared: Cleared,
  { mayHaveSent, waited }: { mayHaveSent: boolean; waited: boolean },
): Promise<DeliverOutcome> => {
  const planned = await planFor(deps, cleared);
  const { plan } = planned;
  if (plan.action === 'already-shown') {
    const reason = 'The card posted for this page already shows this version';
    await cleared.record('sent', { messageId: plan.card.messageId, reason });
    return { kind: 'sent', messageId: plan.card.messageId, via: 'already-shown' };
  }
  if (plan.action === 'hold') return holdForDigest(deps, cleared, { ...planned, plan });
  const deferred = await deferForPacing(deps, cleared.delivery, planned.activity, planned.settings, waited);
  if (deferred) return deferred;
  return sendCard(deps, cleared, { ...planned, plan }, mayHaveSent);
};

/** The queue message's senders, unchanged: the choice made for them still stands. */
const sameSenders = (now: readonly PlannedSender[], queued: readonly PlannedSender[]) =>
  now.length === queued.length && now.every((sender, i) => sender === queued[i]);

/**
 * The queue consumer's work: gate, rules, card, token, send, record. Checks that need no
 * storage come first: an echo, or content every sender's filters turn down as queued (most
 * deliveries a label filter leaves pending end there), reads nothing from KVS. Then one read
 * brings the delivery's row, its destination's activity, its senders' connections and rules
 * (`openDeliverySession`), and one write at the end stores the row and the activity.
 * The delivery row makes it idempotent (invariant 4): a duplicate message, or a retry after the
 * send succeeded, finds a final row and stops; a row an admin set to `retrying` is sent again.
 */
export const deliverNotification = async (
  deps: DeliverDeps,
  delivery: PlannedDelivery,
  attempt: Attempt,
): Promise<DeliverOutcome> => {
  const opened: { session?: DeliverySession<DeliverDeps> } = {};
  const open = async () => (opened.session ??= await openDeliverySession(deps, delivery));
  try {
    return await deliverOnce(deps, delivery, attempt, open);
  } finally {
    // The row and the activity, whatever the outcome; a failed write makes the platform retry.
    await opened.session?.flush();
  }
};

const deliverOnce = async (
  outer: DeliverDeps,
  delivery: PlannedDelivery,
  { number: attempt, unconfirmed }: Attempt,
  open: () => Promise<DeliverySession<DeliverDeps>>,
): Promise<DeliverOutcome> => {
  const destination = delivery.destination;
  let owner = delivery.senders[0].ownerAccountId;
  let record: Recorder | null = null;
  try {
    // Neither an echo nor a filtered event is a delivery: nothing is recorded, as for an event
    // no rule matched. A duplicate queue message simply checks again.
    if (await isAppComment(outer.appView, delivery.event)) return { kind: 'skipped', reason: ECHO_REASON };
    const queued = destination.type === 'personal' ? null : await chooseSender(outer, delivery);
    if (queued?.kind === 'filtered') return { kind: 'skipped', reason: queued.reason };
    const { deps, previous } = await open();
    if (previous && isFinal(previous.status)) return { kind: 'already-done', status: previous.status };
    const baseRecord = deliveryRecorder(deps, delivery, attempt, previous);
    record = baseRecord;
    // An earlier attempt may have posted, or an admin's retry of a failed row follows one that may.
    const mayHaveSent = unconfirmed || previous !== null;
    // The rules as they are now: one deleted, turned off or retargeted since sends nothing; for a
    // personal card, also the recipient's preferences as they are now.
    const personal = destination.type === 'personal' ? await currentPersonalSenders(deps, delivery) : null;
    const current = personal ?? (await currentSenders(deps.rules, delivery));
    if (current.kind === 'none') {
      await record('skipped', { reason: current.reason });
      return { kind: 'skipped', reason: current.reason };
    }
    const choice =
      queued && sameSenders(current.senders, delivery.senders)
        ? queued
        : await chooseSender(deps, { ...delivery, senders: current.senders });
    if (choice.kind === 'filtered') return { kind: 'skipped', reason: choice.reason };
    owner = choice.sender.ownerAccountId;
    // Invariant 3: the row names the content only once its owner's view check has passed.
    const title = choice.kind === 'send' ? choice.content.title : undefined;
    record = (status, extra) => baseRecord(status, { ownerAccountId: owner, title, ...extra });
    if (choice.kind === 'skip') {
      await record('skipped', { reason: choice.reason });
      return { kind: 'skipped', reason: choice.reason };
    }
    if (destination.type === 'personal')
      return await sendPersonally(
        deps,
        delivery,
        choice,
        personal?.kind === 'senders' ? personal.wanted : { reasons: [], preferences: DEFAULT_PREFERENCES },
        record,
      );
    // A retry already waited in the queue (Retry-After): it is not paced again.
    const waited = attempt > 1;
    return await sendCleared(deps, { delivery, destination, choice, record }, { mayHaveSent, waited });
  } catch (error) {
    // A failure before the delivery's records were read: read them now, for the row.
    const { deps, previous } = await open();
    if (previous && isFinal(previous.status)) return { kind: 'already-done', status: previous.status };
    const base = deliveryRecorder(deps, delivery, attempt, previous);
    const write = record ?? ((status, extra) => base(status, { ownerAccountId: owner, ...extra }));
    const ownerName = await outer.people.displayNameOf(owner).catch(() => 'The rule owner');
    const failure = classifyFailure(error, attempt, ownerName);
    if (failure.kind === 'failed') {
      await write('failed', { reason: failure.reason });
      return failure;
    }
    failure.unconfirmed = unconfirmed || previous !== null || mayHaveBeenDone(error);
    // A row says "this may have gone out": another copy of the queue message (the platform
    // delivers at least once) then looks in Teams before posting, like the retry (invariant 4).
    if (failure.unconfirmed && previous === null) {
      await write('retrying', { reason: `${failure.reason}; trying again`, maybeSent: true });
    }
    return failure;
  }
};
