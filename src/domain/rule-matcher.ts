import type { ContentEvent } from './content-event';
import { scopeRefOf, spaceScopeKey, type Rule, type RuleFilters } from './rule';

/** Facts an event may lack that some rules need; the consumer reads them with the content. */
type MissingFact = 'labels' | 'ancestors';

type LabelFilter = Pick<RuleFilters, 'labelsAny' | 'labelsAll' | 'labelsNone'>;

/**
 * What is left to decide about a rule the event alone could not decide: its label filter, and
 * whether the content sits under its page. The trigger does not read Confluence for these (it
 * would cost every event a request); the consumer checks them against the content it reads anyway.
 */
export interface PendingCheck {
  labels?: LabelFilter;
  underPageId?: string;
}

/**
 * Why a rule did or did not match, for the logs and tests. `undecided` names the facts the
 * event lacks to decide; once they are fetched (or cannot be), judge again.
 */
type RuleVerdict =
  | { rule: Rule; matched: true }
  | { rule: Rule; matched: false; reason: string }
  | { rule: Rule; matched: 'undecided'; needs: MissingFact[] };

type Check = { ok: true } | { ok: false; reason: string } | { ok: 'undecided'; need: MissingFact };

const pass: Check = { ok: true };
const fail = (reason: string): Check => ({ ok: false, reason });

/** Cheap checks that need nothing beyond the event itself. */
const checkBasics = (rule: Rule, event: ContentEvent): Check => {
  const f = rule.filters;
  if (!rule.enabled) return fail('disabled');
  if (!rule.events.includes(event.kind)) return fail('event kind not chosen');
  if (f.contentTypes.length > 0 && !f.contentTypes.includes(event.contentType)) return fail('content type');
  if (f.skipMinorEdits && event.minorEdit) return fail('minor edit');
  const actor = event.actorAccountId;
  if (f.skipOwnChanges && actor !== null && actor === rule.ownerAccountId) return fail("owner's own change");
  // An anonymous change has no author to include; excluding someone never excludes it.
  if (f.authorsInclude.length > 0 && (actor === null || !f.authorsInclude.includes(actor))) {
    return fail('author not included');
  }
  if (actor !== null && f.authorsExclude.includes(actor)) return fail('author excluded');
  return pass;
};

/** Where content sits: what a rule's scope is judged on. */
type ContentPlace = Pick<ContentEvent, 'contentId' | 'contentType' | 'spaceKey' | 'ancestorIds'>;

/** Whether the rule's scope covers the content: a page rule its page, and its descendants if asked. */
const checkScope = (rule: Rule, event: ContentPlace): Check => {
  if (rule.scope === 'global') return pass;
  if (rule.scope === 'space') {
    return rule.scopeKey === spaceScopeKey(event.spaceKey) ? pass : fail('another space');
  }
  // Personal rules (watched content, mentions) will be matched per watcher, not by scope.
  if (rule.scope !== 'content') return fail('not a scope rule');
  const scope = scopeRefOf(rule);
  if (scope.contentId === event.contentId) return pass;
  // Blog posts have no ancestors; only pages sit under pages.
  if (!rule.includeDescendants || event.contentType !== 'page') return fail('another page');
  if (!event.ancestorIds) return { ok: 'undecided', need: 'ancestors' };
  return scope.contentId !== undefined && event.ancestorIds.includes(scope.contentId)
    ? pass
    : fail('not under the page');
};

const hasLabelFilter = (f: RuleFilters): boolean =>
  f.labelsAny.length + f.labelsAll.length + f.labelsNone.length > 0;

const labelsPass = (f: LabelFilter, contentLabels: readonly string[]): Check => {
  const labels = new Set(contentLabels.map((l) => l.toLowerCase()));
  if (f.labelsAny.length > 0 && !f.labelsAny.some((l) => labels.has(l))) return fail('no wanted label');
  if (!f.labelsAll.every((l) => labels.has(l))) return fail('a required label is missing');
  if (f.labelsNone.some((l) => labels.has(l))) return fail('an excluded label');
  return pass;
};

const checkLabels = (rule: Rule, event: ContentEvent): Check => {
  if (!hasLabelFilter(rule.filters)) return pass;
  if (!event.labels) return { ok: 'undecided', need: 'labels' };
  return labelsPass(rule.filters, event.labels);
};

/**
 * Whether a rule that is on would send this content's updates, by its scope alone (events and
 * filters aside): what the page dialog lists as "already sent by these rules". The ancestors must
 * be known, else a page rule over descendants is not counted.
 */
export const ruleCoversContent = (rule: Rule, content: ContentPlace): boolean =>
  rule.enabled && checkScope(rule, content).ok === true;

/** Pure decision for one rule and one event: enabled, scope, event kind and every filter but CQL. */
export const judgeRule = (rule: Rule, event: ContentEvent): RuleVerdict => {
  const needs: MissingFact[] = [];
  for (const check of [checkBasics, checkScope, checkLabels]) {
    const result = check(rule, event);
    if (result.ok === false) return { rule, matched: false, reason: result.reason };
    if (result.ok === 'undecided') needs.push(result.need);
  }
  return needs.length > 0 ? { rule, matched: 'undecided', needs } : { rule, matched: true };
};

const pendingCheckOf = (rule: Rule, needs: readonly MissingFact[]): PendingCheck => {
  const { labelsAny, labelsAll, labelsNone } = rule.filters;
  const underPageId = needs.includes('ancestors') ? scopeRefOf(rule).contentId : undefined;
  return {
    ...(needs.includes('labels') ? { labels: { labelsAny, labelsAll, labelsNone } } : {}),
    ...(underPageId ? { underPageId } : {}),
  };
};

/** The trigger's matching: rules that match, and rules that match unless a pending check fails. */
export const sortRules = (
  rules: readonly Rule[],
  event: ContentEvent,
): { matched: Rule[]; pending: Map<string, PendingCheck> } => {
  const matched: Rule[] = [];
  const pending = new Map<string, PendingCheck>();
  for (const rule of rules) {
    const verdict = judgeRule(rule, event);
    if (verdict.matched === false) continue;
    matched.push(rule);
    if (verdict.matched === 'undecided') pending.set(rule.id, pendingCheckOf(rule, verdict.needs));
  }
  return { matched, pending };
};

/** Whether content with these labels and ancestors passes a pending check. */
export const passesPendingCheck = (
  check: PendingCheck,
  content: { labels: readonly string[]; ancestorIds: readonly string[] },
): boolean =>
  (!check.labels || labelsPass(check.labels, content.labels).ok === true) &&
  (!check.underPageId || content.ancestorIds.includes(check.underPageId));
