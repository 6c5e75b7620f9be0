import { person, type SeedTeam } from '../../dev/seed';
import type { RuleInput } from '../../src/domain/rule';
import { channelOf } from './extra-teams';
import type { PageModel, RuleModel, Who } from './fault-oracle';

/**
 * The fault suite's rules, as plain data the oracle reads and the owners enter through the
 * app's resolver: page rules with rotating events and filters, and one rule for each other scope
 * or filter (space, global, labels any/all/none, descendants, CQL, disabled, a restricted page,
 * a channel its owner has left).
 */

export const ALUMNI = 'FS Alumni';
/** Only Rex's rules on pages he cannot view post here: it must stay empty. */
export const REX_RESTRICTED = 'FS 44';
export const destinationName = (n: number) => `FS ${String(n).padStart(2, '0')}`;

/** Page rules: two pages per channel, same owner, with a rotating mix of events and filters. */
export const pageRuleModel = (i: number, page: PageModel): RuleModel => {
  const owners: Who[] = ['mia', 'sam', 'ada', 'rex'];
  const events: RuleModel['events'][] = [
    ['page_updated', 'comment_created', 'label_added'],
    ['page_updated', 'comment_created'],
    ['page_updated', 'label_added'],
  ];
  return {
    owner: owners[i % 4],
    scope: 'content',
    contentId: page.id,
    events: events[i % 3],
    destination: destinationName((i % 36) + 1),
    ...(i % 5 === 0 ? { skipMinorEdits: false } : {}),
    ...(i % 7 === 0 ? { skipOwnChanges: false } : {}),
    ...(i % 11 === 0 ? { authorsExclude: ['rex'] } : {}),
  };
};

/** The rules beyond the page rules, each trying one scope or filter. */
export const specialRules = (byTitle: (title: string) => PageModel): RuleModel[] => [
  { owner: 'sam', scope: 'space', spaceKey: 'ENG', events: ['page_created'], destination: 'FS 37' },
  {
    owner: 'ada',
    scope: 'space',
    spaceKey: 'MKT',
    events: ['page_created', 'page_updated'],
    labelsAny: ['launch'],
    destination: 'FS 38',
  },
  {
    owner: 'ada',
    scope: 'space',
    spaceKey: 'ENG',
    events: ['comment_created'],
    labelsAll: ['internal'],
    destination: 'FS 39',
  },
  {
    owner: 'sam',
    scope: 'space',
    spaceKey: 'ENG',
    events: ['label_added'],
    labelsNone: ['internal'],
    destination: 'FS 40',
  },
  {
    owner: 'mia',
    scope: 'content',
    contentId: byTitle('FS Tree').id,
    includeDescendants: true,
    events: ['page_created', 'page_updated'],
    destination: 'FS 41',
  },
  {
    owner: 'sam',
    scope: 'space',
    spaceKey: 'ENG',
    events: ['page_updated'],
    cqlLabel: 'cqlpick',
    destination: 'FS 42',
  },
  { owner: 'ada', scope: 'global', events: ['blogpost_created'], destination: 'FS 43' },
  ...[1, 2, 3, 4, 5, 6].flatMap((n): RuleModel[] => [
    {
      owner: 'rex',
      scope: 'content',
      contentId: byTitle(`FS restricted ${n}`).id,
      events: ['page_updated', 'comment_created'],
      destination: REX_RESTRICTED,
    },
    {
      owner: 'mia',
      scope: 'content',
      contentId: byTitle(`FS restricted ${n}`).id,
      events: ['page_updated'],
      destination: 'FS 45',
    },
  ]),
  ...[1, 2, 3].map((n): RuleModel => ({
    owner: 'sam',
    scope: 'content',
    contentId: byTitle(`FS alumni ${n}`).id,
    events: ['page_updated'],
    destination: ALUMNI,
  })),
  {
    owner: 'mia',
    scope: 'content',
    contentId: byTitle('FS page 002').id,
    events: ['page_updated'],
    enabled: false,
    destination: 'FS 46',
  },
];

/** What the owner enters in the rule editor for this rule. */
export const ruleInput = (rule: RuleModel, teams: Map<string, SeedTeam>): RuleInput => {
  const team = teams.get(rule.destination);
  if (!team) throw new Error(`No team ${rule.destination}`);
  return {
    scope: rule.scope,
    ...(rule.spaceKey ? { spaceKey: rule.spaceKey } : {}),
    ...(rule.contentId ? { contentId: rule.contentId } : {}),
    events: rule.events,
    destination: channelOf(team),
    includeDescendants: rule.includeDescendants ?? false,
    enabled: rule.enabled ?? true,
    filters: {
      skipMinorEdits: rule.skipMinorEdits ?? true,
      skipOwnChanges: rule.skipOwnChanges ?? true,
      labelsAny: rule.labelsAny ?? [],
      labelsAll: rule.labelsAll ?? [],
      labelsNone: rule.labelsNone ?? [],
      authorsExclude: (rule.authorsExclude ?? []).map((who) => person(who).accountId),
      cql: rule.cqlLabel ? `label = "${rule.cqlLabel}"` : '',
    },
  };
};
