import {
  eventDedupKey,
  normaliseContentEvent,
  type ContentEvent,
  type EventOrigin,
} from '../domain/content-event';
import { planDeliveries, type PlannedDelivery } from '../domain/delivery-plan';
import { isAppWrittenVersion } from '../domain/echo-guard';
import { judgeRule, matchRules, missingFacts } from '../domain/rule-matcher';
import type { Rule } from '../domain/rule';
import type { ConfluenceGateway } from './ports/confluence';
import type { DeliveryQueue } from './ports/platform';
import type { EventLedger, RuleStore } from './ports/stores';

export interface ForwardDeps {
  rules: RuleStore;
  ledger: EventLedger;
  queue: DeliveryQueue;
  confluence: Pick<ConfluenceGateway, 'readContentFacts' | 'readAppCommentMarker' | 'appAccountId'>;
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
 * Labels and ancestors are not in most payloads: fetch them, in one request, only when a rule
 * that passed every other check is waiting for them. Content that is gone leaves them unknown,
 * and a rule that needed them does not match.
 */
const withFacts = async (deps: ForwardDeps, event: ContentEvent, candidates: readonly Rule[]) => {
  const needs = missingFacts(candidates.map((rule) => judgeRule(rule, event)));
  if (needs.size === 0) return event;
  const facts = await deps.confluence.readContentFacts(event.contentId, {
    labels: needs.has('labels'),
    ancestors: needs.has('ancestors'),
  });
  return { ...event, ...(facts ?? {}) };
};

/** Invariant 8, second half: a comment the app posted for a Teams user carries its marker. */
const isAppComment = async (deps: ForwardDeps, event: ContentEvent): Promise<boolean> =>
  event.comment !== undefined &&
  isAppWrittenVersion(await deps.confluence.readAppCommentMarker(event.comment.id), event.comment.version);

const plan = async (deps: ForwardDeps, event: ContentEvent): Promise<PlannedDelivery[] | 'echo'> => {
  const candidates = await deps.rules.listForEvent(event.spaceKey);
  const known = await withFacts(deps, event, candidates);
  const deliveries = planDeliveries(known, matchRules(candidates, known));
  if (deliveries.length > 0 && (await isAppComment(deps, known))) return 'echo';
  return deliveries;
};

/**
 * The product trigger's work, kept thin: normalise, drop echoes and duplicates, load the
 * candidate rules by index (global, and the space with its page rules), match, and queue one
 * delivery per destination. KVS: one ledger write and two index queries per event.
 */
export const forwardContentEvent = async (deps: ForwardDeps, payload: unknown): Promise<ForwardOutcome> => {
  const normalised = normaliseContentEvent(payload);
  if (!normalised.ok) return { kind: 'ignored', reason: normalised.reason };
  const { event, origin } = normalised;
  if (await causedByApp(deps, event, origin)) return { kind: 'echo', reason: 'caused by the app' };
  const key = eventDedupKey(event);
  if (!(await deps.ledger.markSeen(key))) return { kind: 'duplicate' };
  try {
    const deliveries = await plan(deps, event);
    if (deliveries === 'echo') return { kind: 'echo', reason: 'a comment the app posted from Teams' };
    if (deliveries.length > 0) await deps.queue.enqueue(deliveries);
    return { kind: 'queued', deliveries: deliveries.length };
  } catch (error) {
    // Let the platform's retry of this event get through the duplicate check again.
    await deps.ledger.forget(key);
    throw error;
  }
};
