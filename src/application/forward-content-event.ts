import {
  eventDedupKey,
  normaliseContentEvent,
  type ContentEvent,
  type EventOrigin,
} from '../domain/content-event';
import { planDeliveries } from '../domain/delivery-plan';
import { sortRules } from '../domain/rule-matcher';
import type { ConfluenceGateway } from './ports/confluence';
import type { DeliveryQueue } from './ports/platform';
import type { EventLedger, RuleStore } from './ports/stores';

export interface ForwardDeps {
  rules: RuleStore;
  ledger: EventLedger;
  queue: DeliveryQueue;
  confluence: Pick<ConfluenceGateway, 'appAccountId'>;
}

export type ForwardOutcome =
  | { kind: 'ignored'; reason: string }
  | { kind: 'echo'; reason: string }
  | { kind: 'duplicate' }
  | { kind: 'queued'; deliveries: number };

/** Invariant 8, first half: the actor is the app itself. Costs a request only when an app account acted. */
const causedByApp = async (deps: ForwardDeps, event: ContentEvent, origin: EventOrigin): Promise<boolean> => {
  if (origin.selfGenerated) return true;
  if (!origin.actorIsApp || event.actorAccountId === null) return false;
  return event.actorAccountId === (await deps.confluence.appAccountId());
};

/**
 * The product trigger's work, kept thin: normalise, drop echoes of the app's own actions, then
 * at once mark the event seen and load the candidate rules by index (global, and the space with
 * its page rules), match, and queue one delivery per destination. KVS: one ledger write and two
 * index queries per event, side by side. Nothing here reads Confluence: what the event does not
 * say (labels, ancestors, whether a comment came from Teams through the app) the consumer
 * checks against the content it reads anyway.
 */
export const forwardContentEvent = async (deps: ForwardDeps, payload: unknown): Promise<ForwardOutcome> => {
  const normalised = normaliseContentEvent(payload);
  if (!normalised.ok) return { kind: 'ignored', reason: normalised.reason };
  const { event, origin } = normalised;
  if (await causedByApp(deps, event, origin)) return { kind: 'echo', reason: 'caused by the app' };
  const key = eventDedupKey(event);
  const [seen, candidates] = await Promise.allSettled([
    deps.ledger.markSeen(key),
    deps.rules.listForEvent(event.spaceKey),
  ]);
  if (seen.status === 'rejected') throw seen.reason;
  if (!seen.value) return { kind: 'duplicate' };
  try {
    if (candidates.status === 'rejected') throw candidates.reason;
    const { matched, pending } = sortRules(candidates.value, event);
    const deliveries = planDeliveries(event, matched, pending);
    if (deliveries.length > 0) await deps.queue.enqueue(deliveries);
    return { kind: 'queued', deliveries: deliveries.length };
  } catch (error) {
    // Let the platform's retry of this event get through the duplicate check again.
    await deps.ledger.forget(key);
    throw error;
  }
};
