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
import type { DeliveryQueue } from '../../ports/platform';
import type { EventLedger, RuleStore } from '../../ports/stores';

interface ForwardDeps {
  rules: RuleStore;
  ledger: EventLedger;
  queue: DeliveryQueue;
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
 * look the event up in the ledger and load the candidate rules by index (global, and the space
 * with its page rules) side by side, match, queue one delivery per destination, and only then
 * mark the event queued. An invocation that dies (a timeout) before the push leaves no mark, so
 * the platform's retry queues the event; one that dies after the push and before the mark
 * queues it a second time, which the consumer's delivery rows make harmless (invariant 4).
 * KVS: one ledger read and two index queries side by side, then one ledger write when something
 * was queued. Nothing here reads Confluence: what the event does not say (labels, ancestors,
 * whether a comment came from Teams through the app) the consumer checks against the content
 * it reads anyway.
 */
export const forwardContentEvent = async (deps: ForwardDeps, payload: unknown): Promise<ForwardOutcome> => {
  const normalised = normaliseContentEvent(payload);
  if (!normalised.ok) return { kind: 'ignored', reason: normalised.reason };
  const { event, origin } = normalised;
  if (await causedByApp(deps, event, origin)) return { kind: 'echo', reason: 'caused by the app' };
  const key = eventDedupKey(event);
  const [queuedBefore, candidates] = await Promise.all([
    deps.ledger.wasQueued(key),
    deps.rules.listForEvent(event.spaceKey),
  ]);
  if (queuedBefore) return { kind: 'duplicate' };
  const { matched, pending } = sortRules(candidates, event);
  const planned = planDeliveries(event, matched, pending);
  // Cards to a person's own 1:1 chat are planned with their other personal reasons (watching,
  // mentions, …), which only the consumer can read: one card per person per event.
  const deliveries = planned.filter((d) => d.destination.type !== 'personal');
  const ruleSenders = planned.filter((d) => d.destination.type === 'personal').flatMap((d) => d.senders);
  const personal =
    ruleSenders.length > 0 || reasonsAnEventCanGive(event).length > 0 ? { event, ruleSenders } : undefined;
  // Nothing to queue, nothing to mark: a redelivery matches again, to the same nothing.
  if (deliveries.length === 0 && !personal) return { kind: 'queued', deliveries: 0 };
  await deps.queue.enqueue(deliveries, personal);
  await deps.ledger.markQueued(key);
  return { kind: 'queued', deliveries: deliveries.length };
};
