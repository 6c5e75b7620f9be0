import type { ContentEvent } from './content-event';
import type { Rule } from './rule';

/** Why a rule did not match, for the delivery log and tests. */
export type RuleVerdict = { rule: Rule; matched: true } | { rule: Rule; matched: false; reason: string };

/** Pure decision for one rule and one event: enabled, event kind and filters. */
export const judgeRule = (rule: Rule, event: ContentEvent): RuleVerdict => {
  if (!rule.enabled) return { rule, matched: false, reason: 'disabled' };
  if (!rule.events.includes(event.kind)) return { rule, matched: false, reason: 'event kind not chosen' };
  if (rule.filters.skipMinorEdits && event.minorEdit) return { rule, matched: false, reason: 'minor edit' };
  if (rule.filters.skipOwnChanges && event.actorAccountId === rule.ownerAccountId) {
    return { rule, matched: false, reason: "owner's own change" };
  }
  return { rule, matched: true };
};

export const matchRules = (rules: readonly Rule[], event: ContentEvent): Rule[] =>
  rules.filter((rule) => judgeRule(rule, event).matched);
