import {
  eventDedupKey,
  normaliseContentEvent,
  type ContentEvent,
  type EventOrigin,
} from '../../../domain/content-event';
import { planDeliveries } from '../../../domain/delivery-plan';
import { reasonsAnEventCanGive } from '../../../domain/personal-notification';
import { sortRules } from '../../../domain/rule-matcher';
import type { AppView } from '../../ports/confluence';
import type { DeliveryQueue, RouteBuildQueue } from '../../ports/platform';
import type { EventLedger, RuleStore } from '../../ports/stores';

interface ForwardDeps {
  rules: RuleStore;
  ledger: EventLedger;
  queue: DeliveryQueue;
  routeBuilds: RouteBuildQueue;
  appView: Pick<AppView, 'appAccountId'>;
}

type ForwardOutcome =
  | { kind: 'ignored'; reason: string }
  | { kind: 'echo'; reason: string }
  | { kind: 'duplicate' }
  | { kind: 'queued'; deliveries: number };

/** Invariant 8, first half: the actor is the app itself. Costs a request only when an app account acted. */
const causedByApp = async (deps: ForwardDeps, event: ContentEvent, origin: EventOrigin): Promise<boolean> => {
  if (origin.selfGenerated) return true;
  if (!origin.actorIsApp || event.actorAccountId === null) return false;
  return event.actorAccountId === (await deps.appView.appAccountId());
};

/**
 * The product trigger's work, kept thin: normalise, drop echoes of the app's own actions, then
 * look the event up in the ledger and load the rules it can match by route (its kind globally,
 * in its space and on its page: rule-routes.ts) side by side, match, and queue one delivery per
 * destination. Two platform round trips one after the other: the reads, then the push.
 * The trigger writes nothing: the consumer marks the event in the ledger with its own writes, so
 * a late redelivery stops here. One that comes before (or an invocation cut off after its push
 * and retried) queues the same delivery keys again, which the consumer's delivery rows make
 * harmless (invariant 4); an invocation cut off before its push leaves the event to the retry.
 * KVS: one ledger read and three route queries. Nothing here reads Confluence: what the event
 * does not say (labels, ancestors, whether a comment came from Teams through the app) the
 * consumer checks against the content it reads anyway.
 */
export const forwardContentEvent = async (
  deps: ForwardDeps,
  payload: unknown,
  { trustLedger = true }: { trustLedger?: boolean } = {},
): Promise<ForwardOutcome> => {
  const normalised = normaliseContentEvent(payload);
  if (!normalised.ok) return { kind: 'ignored', reason: normalised.reason };
  const { event, origin } = normalised;
  if (await causedByApp(deps, event, origin)) return { kind: 'echo', reason: 'caused by the app' };
  const key = eventDedupKey(event);
  const [queuedBefore, candidates] = await Promise.all([
    deps.ledger.wasQueued(key),
    deps.rules.listForEvent(event),
  ]);
  // Only while rules stored by an older version have no routes yet. A request that fails is not
  // the event's failure: the partition's next event asks again, and its rules were read anyway.
  const building = deps.routeBuilds.request(candidates.unbuilt).catch(() => undefined);
  if (queuedBefore && trustLedger) return await building.then(() => ({ kind: 'duplicate' }) as const);
  const { matched, pending } = sortRules(candidates.rules, event);
  const planned = planDeliveries(event, matched, pending);
  // Cards to a person's own 1:1 chat are planned with their other personal reasons (watching,
  // mentions, …), which only the consumer can read: one card per person per event.
  const deliveries = planned.filter((d) => d.destination.type !== 'personal');
  const ruleSenders = planned.filter((d) => d.destination.type === 'personal').flatMap((d) => d.senders);
  const personal =
    ruleSenders.length > 0 || reasonsAnEventCanGive(event).length > 0 ? { event, ruleSenders } : undefined;
  // Nothing to queue: a redelivery matches again, to the same nothing.
  if (deliveries.length === 0 && !personal)
    return await building.then(() => ({ kind: 'queued', deliveries: 0 }) as const);
  await Promise.all([deps.queue.enqueue(deliveries, personal), building]);
  return { kind: 'queued', deliveries: deliveries.length };
};
