import { AppError, invalidInputMessage } from '../../domain/app-error';
import { cqlFilterProblem } from '../../domain/cql-filter';
import { PAGE_RULE_EVENTS } from '../../contracts/rules';
import type { EventKind } from '../../domain/content-event';
import type { Destination, RuleFilters, RuleScope } from '../../domain/rule';
import type { Caller } from './authority';
import type { BotStore } from '../ports/bot';
import type { CqlSearch } from '../ports/confluence';
import { botReachable } from './bot-reachable';

interface RuleCheckDeps {
  search: CqlSearch;
  botStore: Pick<BotStore, 'getHealth'>;
}

/**
 * A filter that escapes its group is refused without asking Confluence, which would run it.
 * Confluence is asked only about a filter that is new (`storedCql` is what the rule had).
 */
const cqlProblem = async (
  search: CqlSearch,
  accountId: string,
  cql: string,
  storedCql: string | undefined,
): Promise<string | null> => {
  const escapes = cqlFilterProblem(cql);
  if (escapes) return escapes;
  if (cql === storedCql) return null;
  const refused = await search.validateCql(accountId, cql);
  return refused ? `Confluence cannot run this CQL: ${refused}` : null;
};

/** The settings of a rule as it would be stored, checked the same way on create and update. */
interface RuleSettingsToCheck {
  scope: RuleScope;
  events: readonly EventKind[];
  destination: Destination;
  filters: RuleFilters;
  includeDescendants: boolean;
}

/**
 * What the schema cannot see: whether the bot exists for `personal`, whether the CQL stays
 * inside the group the consumer puts it in (invariant 3), and whether Confluence accepts it.
 * Confluence is asked as `postsAs`, the person the rule posts as (its owner; the caller when
 * creating): the consumer runs the filter as them, so it must work with their permissions, not
 * with an editor's. `storedCql` is the filter the rule had before an edit.
 */
export const checkRuleSettings = async (
  deps: RuleCheckDeps,
  postsAs: Caller,
  rule: RuleSettingsToCheck,
  storedCql?: string,
  /** An edited rule as it was stored: what it already had (from before this check) stays allowed. */
  stored?: Pick<RuleSettingsToCheck, 'events' | 'filters'>,
): Promise<void> => {
  const fieldErrors: Record<string, string> = {};
  // "Me personally" goes through the companion bot: refused until Teams has reached it.
  if (rule.destination.type === 'personal' && !(await botReachable(deps.botStore))) {
    fieldErrors.destination =
      'Personal notifications need the companion bot (the Teams for Confluence app in Microsoft Teams), which is not set up on this site yet: a site admin uploads it under Settings → Microsoft Teams → Teams app. Choose a channel or chat.';
  }
  if (rule.scope === 'content') {
    const other = rule.events.filter(
      (event) => !PAGE_RULE_EVENTS.includes(event) && !stored?.events.includes(event),
    );
    if (other.length > 0)
      fieldErrors.events =
        'A page rule fires for the page and its child pages: blog post events do not apply';
    if (rule.filters.contentTypes.includes('blogpost') && !stored?.filters.contentTypes.includes('blogpost'))
      fieldErrors['filters.contentTypes'] = 'A page rule covers pages only: leave the content types unticked';
  }
  if (rule.includeDescendants && rule.scope !== 'content') {
    fieldErrors.includeDescendants = 'Only a page rule can cover child pages';
  }
  if (rule.filters.cql) {
    const problem = await cqlProblem(deps.search, postsAs.accountId, rule.filters.cql, storedCql);
    if (problem) fieldErrors['filters.cql'] = problem;
  }
  const fields = Object.keys(fieldErrors);
  if (fields.length > 0) {
    throw new AppError('invalid_input', invalidInputMessage(fieldErrors), fieldErrors);
  }
};
