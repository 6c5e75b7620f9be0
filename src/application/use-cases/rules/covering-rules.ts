import type { CoveringRuleView } from '../../../contracts/rules';
import { AppError } from '../../../domain/app-error';
import { scopeKeyOf, scopeRefOf, type Rule } from '../../../domain/rule';
import { ruleCoversContent } from '../../../domain/rule-matcher';
import { requireRuleAuthority, type Caller } from '../../services/authority';
import type { ConfluencePeople, ConfluencePermissions, ContentReader } from '../../ports/confluence';
import type { RuleStore } from '../../ports/stores';
import { destinationLabel } from '../delivery-log/delivery-log';

export interface CoveringRulesDeps {
  rules: Pick<RuleStore, 'listInSpace'>;
  permissions: ConfluencePermissions;
  content: Pick<ContentReader, 'getContentAs'>;
  people: ConfluencePeople;
}

const SCOPE_ORDER = { global: 0, space: 1, content: 2 } as const;

const coverageOf = (rule: Rule, ancestorTitles: Map<string, string>): string => {
  const scope = scopeRefOf(rule);
  if (scope.scope === 'global') return 'Every space';
  if (scope.scope === 'space') return `Space ${scope.spaceKey ?? ''}`;
  const title = ancestorTitles.get(scope.contentId ?? '');
  return title ? `Page “${title}” and the pages under it` : 'A page above this one and the pages under it';
};

/**
 * The enabled global, space and ancestor page rules that already send this page's updates, so
 * its editors do not add a duplicate. For the page's editors (who may manage its rules): where a
 * space or global rule sends (a channel's name) is theirs to know once they could add a rule of
 * their own, and no further. The page is read as the caller first: someone who cannot view it
 * learns nothing, not even that it has rules (invariant 3). Scope matching is the trigger's own
 * (`ruleCoversContent`); events and filters are not judged: the rule covers the page.
 */
export const listCoveringRules = async (
  deps: CoveringRulesDeps,
  caller: Caller,
  contentId: string,
): Promise<CoveringRuleView[]> => {
  const content = await deps.content.getContentAs(caller.accountId, contentId);
  if (!content) throw new AppError('not_found', 'That page does not exist, or you cannot view it.');
  await requireRuleAuthority(deps.permissions, caller, { scope: 'content', contentId });
  const ancestors = content.ancestors ?? [];
  const place = {
    contentId,
    contentType: content.type,
    spaceKey: content.spaceKey,
    ancestorIds: ancestors.map((a) => a.id),
  };
  const own = scopeKeyOf({ scope: 'content', contentId });
  const covering = (await deps.rules.listInSpace(content.spaceKey))
    .filter((rule) => rule.scopeKey !== own && ruleCoversContent(rule, place))
    .sort(
      (a, b) =>
        SCOPE_ORDER[a.scope as keyof typeof SCOPE_ORDER] - SCOPE_ORDER[b.scope as keyof typeof SCOPE_ORDER] ||
        a.createdAt - b.createdAt,
    );
  const titles = new Map(ancestors.map((a) => [a.id, a.title]));
  const names = new Map<string, Promise<string>>();
  const nameOf = (accountId: string) => {
    if (!names.has(accountId)) names.set(accountId, deps.people.displayNameOf(accountId));
    return names.get(accountId) as Promise<string>;
  };
  return Promise.all(
    covering.map(async (rule): Promise<CoveringRuleView> => {
      const ownerName = await nameOf(rule.ownerAccountId);
      return {
        id: rule.id,
        scope: rule.scope as CoveringRuleView['scope'],
        coverage: coverageOf(rule, titles),
        destinationLabel: destinationLabel(rule.destination, ownerName),
        ownerName,
        ownedByCaller: rule.ownerAccountId === caller.accountId,
        events: rule.events,
      };
    }),
  );
};
