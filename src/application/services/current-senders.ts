import {
  recheckSender,
  ruleGone,
  type PlannedDelivery,
  type PlannedSender,
  type StaleSender,
} from '../../domain/delivery-plan';
import type { HeldItem } from '../../domain/destination-activity';
import type { GraphDestination } from '../../domain/rule';
import type { RuleStore } from '../ports/stores';

type CurrentSenders =
  | { kind: 'senders'; senders: PlannedSender[] }
  /** No rule still sends the delivery: `reason` is for the log. */
  | { kind: 'none'; reason: string };

const QUEUED = 'after this update was queued';
const HELD = 'after this update was held for a digest';

const ONE_RULE: Record<StaleSender, (detail?: string, since?: string) => string> = {
  deleted: (_, since = QUEUED) => `The rule was deleted ${since}.`,
  'turned-off': (_, since = QUEUED) => `The rule was turned off ${since}.`,
  elsewhere: (_, since = QUEUED) => `The rule was changed to post somewhere else ${since}.`,
  'no-longer-covers': (detail, since = QUEUED) =>
    `The rule was changed ${since} and no longer covers it${detail ? ` (${detail})` : ''}.`,
};

/** Singular and plural, in the order the reason lists them. */
const SEVERAL: Record<StaleSender, [string, string]> = {
  deleted: ['was deleted', 'were deleted'],
  'turned-off': ['was turned off', 'were turned off'],
  elsewhere: ['was changed to post somewhere else', 'were changed to post somewhere else'],
  'no-longer-covers': ['was changed to no longer cover it', 'were changed to no longer cover it'],
};

const noneReason = (stale: ReadonlyArray<{ why: StaleSender; detail?: string }>): string => {
  const [only] = stale;
  if (stale.length === 1 && only) return ONE_RULE[only.why](only.detail);
  const parts = (Object.keys(SEVERAL) as StaleSender[]).flatMap((why) => {
    const n = stale.filter((s) => s.why === why).length;
    return n === 0 ? [] : [`${n} ${SEVERAL[why][n === 1 ? 0 : 1]}`];
  });
  return `None of the ${stale.length} rules that matched still sends this update: ${parts.join(', ')} since it was queued.`;
};

/**
 * The delivery's senders as their rules are now: a queued delivery, a queue retry or an admin's
 * Retry acts only for rules that still exist, are on, post here as the same owner and still cover
 * the event (domain/delivery-plan `recheckSender`). One KVS round trip reads every sender's rule.
 */
export const currentSenders = async (
  rules: Pick<RuleStore, 'getMany'>,
  delivery: PlannedDelivery,
): Promise<CurrentSenders> => {
  const found = new Map((await rules.getMany(delivery.senders.map((s) => s.ruleId))).map((r) => [r.id, r]));
  const checked = delivery.senders.map((sender) =>
    recheckSender(sender, found.get(sender.ruleId) ?? null, delivery),
  );
  const senders = checked.flatMap((c) => (c.kind === 'current' ? [c.sender] : []));
  if (senders.length > 0) return { kind: 'senders', senders };
  return { kind: 'none', reason: noneReason(checked.flatMap((c) => (c.kind === 'stale' ? [c] : []))) };
};

/**
 * The held events a digest may still post: those whose rule (one KVS round trip for all) still
 * posts here as the same owner. Items held before rules were recorded on them stay. An edit of a
 * rule's filters does not drop an event it already held: the event alone is not kept to judge it.
 */
export const heldStillSent = async (
  rules: Pick<RuleStore, 'getMany'>,
  items: readonly HeldItem[],
  destination: GraphDestination,
): Promise<{ kept: HeldItem[]; dropped: Array<{ item: HeldItem; reason: string }> }> => {
  const ids = [...new Set(items.flatMap((item) => (item.ruleId ? [item.ruleId] : [])))];
  const found = new Map(ids.length > 0 ? (await rules.getMany(ids)).map((r) => [r.id, r]) : []);
  const kept: HeldItem[] = [];
  const dropped: Array<{ item: HeldItem; reason: string }> = [];
  for (const item of items) {
    const gone = item.ruleId
      ? ruleGone(found.get(item.ruleId) ?? null, item.senderAccountId, destination)
      : null;
    if (gone) dropped.push({ item, reason: ONE_RULE[gone](undefined, HELD) });
    else kept.push(item);
  }
  return { kept, dropped };
};
