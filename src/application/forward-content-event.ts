import { eventDedupKey, normaliseContentEvent } from '../domain/content-event';
import { planDeliveries } from '../domain/delivery-plan';
import { contentScopeKey, globalScopeKey, spaceScopeKey } from '../domain/rule';
import { matchRules } from '../domain/rule-matcher';
import type { DeliveryQueue } from './ports/platform';
import type { EventLedger, RuleStore } from './ports/stores';

export interface ForwardDeps {
  rules: RuleStore;
  ledger: EventLedger;
  queue: DeliveryQueue;
}

export type ForwardOutcome =
  { kind: 'ignored'; reason: string } | { kind: 'duplicate' } | { kind: 'queued'; deliveries: number };

/**
 * The product trigger's work, kept thin: normalise, drop duplicates, load the rules of the
 * scopes this event touches by index, match, and queue one delivery per destination.
 */
export const forwardContentEvent = async (deps: ForwardDeps, payload: unknown): Promise<ForwardOutcome> => {
  const normalised = normaliseContentEvent(payload);
  if (!normalised.ok) return { kind: 'ignored', reason: normalised.reason };
  const event = normalised.event;
  if (!(await deps.ledger.markSeen(eventDedupKey(event)))) return { kind: 'duplicate' };

  const scopeKeys = [globalScopeKey(), spaceScopeKey(event.spaceKey), contentScopeKey(event.contentId)];
  const candidates = (await Promise.all(scopeKeys.map((key) => deps.rules.listByScopeKey(key)))).flat();
  const deliveries = planDeliveries(event, matchRules(candidates, event));
  try {
    if (deliveries.length > 0) await deps.queue.enqueue(deliveries);
  } catch (error) {
    // Let the platform's retry of this event get through the duplicate check again.
    await deps.ledger.forget(eventDedupKey(event));
    throw error;
  }
  return { kind: 'queued', deliveries: deliveries.length };
};
