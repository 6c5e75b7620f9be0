import type { EventKind } from '../../src/domain/content-event';

/**
 * What the fault suite expects, worked out from its own model of the rules and of Confluence,
 * without the app's code: which (event, destination) pairs must give a Teams message, and which
 * must fail for good. Written from the product's rules (issue 4), not from the matcher.
 */

export type Who = 'ada' | 'sam' | 'mia' | 'rex';

export interface PageModel {
  id: string;
  title: string;
  type: 'page' | 'blogpost';
  spaceKey: string;
  /** Root first. */
  ancestorIds: string[];
  labels: Set<string>;
  /** Who may view it; null when it is not restricted. Ada is a site admin and sees everything. */
  readers: Who[] | null;
  version: number;
}

export interface RuleModel {
  owner: Who;
  scope: 'global' | 'space' | 'content';
  spaceKey?: string;
  contentId?: string;
  events: EventKind[];
  /** Team (display name) whose channel the rule posts to. */
  destination: string;
  includeDescendants?: boolean;
  enabled?: boolean;
  skipMinorEdits?: boolean;
  skipOwnChanges?: boolean;
  labelsAny?: string[];
  labelsAll?: string[];
  labelsNone?: string[];
  authorsExclude?: Who[];
  /** The rule's CQL filter is `label = "<cqlLabel>"`, run by Confluence as the owner. */
  cqlLabel?: string;
}

export interface EventModel {
  /** Position in the run, from 0. */
  n: number;
  round: number;
  kind: EventKind;
  pageId: string;
  actor: Who;
  minorEdit: boolean;
  /** label_added: the label. */
  label?: string;
  /** comment_created: a token the comment's text carries. */
  commentToken?: string;
  /** page_created and blogpost_created: the new title; the page id is known once it exists. */
  title?: string;
  parentId?: string;
  spaceKey?: string;
}

export type Outcome = 'message' | 'failed';

const canView = (page: PageModel, who: Who): boolean =>
  who === 'ada' || page.readers === null || page.readers.includes(who);

const covers = (rule: RuleModel, page: PageModel): boolean => {
  if (rule.scope === 'global') return true;
  if (rule.scope === 'space') return rule.spaceKey === page.spaceKey;
  if (rule.contentId === page.id) return true;
  return (
    rule.includeDescendants === true &&
    page.type === 'page' &&
    page.ancestorIds.includes(rule.contentId ?? '')
  );
};

/** Every filter the rule carries, judged on the event and the page as it is right after it. */
const matches = (rule: RuleModel, event: EventModel, page: PageModel): boolean => {
  if (rule.enabled === false || !rule.events.includes(event.kind) || !covers(rule, page)) return false;
  if ((rule.skipMinorEdits ?? true) && event.minorEdit) return false;
  if ((rule.skipOwnChanges ?? true) && event.actor === rule.owner) return false;
  if (rule.authorsExclude?.includes(event.actor)) return false;
  const has = (label: string) => page.labels.has(label);
  if (rule.labelsAny && rule.labelsAny.length > 0 && !rule.labelsAny.some(has)) return false;
  if (rule.labelsAll && !rule.labelsAll.every(has)) return false;
  if (rule.labelsNone?.some(has)) return false;
  return true;
};

/** The owner may show it: they can view the page and Confluence finds it with their CQL. */
const maySend = (rule: RuleModel, page: PageModel): boolean =>
  canView(page, rule.owner) && (rule.cqlLabel === undefined || page.labels.has(rule.cqlLabel));

/**
 * One message per destination however many rules match; it is sent as the oldest matching rule
 * whose owner may show the content, and fails for good when that owner cannot post there.
 */
export const expectedOutcomes = (
  rules: readonly RuleModel[],
  event: EventModel,
  page: PageModel,
  membersOf: (destination: string) => readonly Who[],
): Map<string, Outcome> => {
  const outcomes = new Map<string, Outcome>();
  const decided = new Set<string>();
  for (const rule of rules) {
    if (decided.has(rule.destination) || !matches(rule, event, page) || !maySend(rule, page)) continue;
    decided.add(rule.destination);
    outcomes.set(rule.destination, membersOf(rule.destination).includes(rule.owner) ? 'message' : 'failed');
  }
  return outcomes;
};

/** How the fault suite names an event in a card and in the delivery log. */
export const eventIdentity = (event: EventModel, page: PageModel): string => {
  if (event.kind === 'comment_created') return `comment ${event.commentToken ?? ''}`;
  if (event.kind === 'label_added') return `label ${page.title} ${event.label ?? ''}`;
  if (event.kind === 'page_updated') return `updated ${page.title} v${page.version}`;
  return `created ${page.title}`;
};
