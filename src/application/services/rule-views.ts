import type { RuleView } from '../../contracts/rules';
import type { Rule } from '../../domain/rule';
import { scopeRefOf } from '../../domain/rule';
import { ruleLocation } from '../../domain/settings-location';
import { hasAuthorityOver, type Caller } from './authority';
import type { ConfluencePeople, ConfluencePermissions, ContentReader } from '../ports/confluence';
import type { ConnectionStore } from '../ports/stores';

interface RuleViewDeps {
  permissions: ConfluencePermissions;
  content: Pick<ContentReader, 'getContentAs'>;
  people: ConfluencePeople;
  connections: ConnectionStore;
}

/** Asks once per key: a list of rules shares owners, scopes and pages. */
const memo = <T>(load: (key: string) => Promise<T>) => {
  const seen = new Map<string, Promise<T>>();
  return (key: string): Promise<T> => {
    let found = seen.get(key);
    if (!found) {
      found = load(key);
      seen.set(key, found);
    }
    return found;
  };
};

/**
 * Rules as the caller may see them. Page titles are read as the caller, so a page they cannot
 * view is never named; what they may edit is checked here too (the UI only mirrors it).
 */
export const toRuleViews = async (
  deps: RuleViewDeps,
  caller: Caller,
  rules: readonly Rule[],
): Promise<RuleView[]> => {
  // Owners' and editors' names: the history names who changed a rule.
  const ownerName = memo((accountId) => deps.people.displayNameOf(accountId));
  const paused = memo(async (accountId) => (await deps.connections.get(accountId))?.status === 'needs-login');
  const page = memo((contentId) => deps.content.getContentAs(caller.accountId, contentId));
  const authority = memo((scopeKey) => {
    const rule = rules.find((r) => r.scopeKey === scopeKey) as Rule;
    return hasAuthorityOver(deps.permissions, caller, rule);
  });
  return Promise.all(
    rules.map(async (rule): Promise<RuleView> => {
      const scope = scopeRefOf(rule);
      const ownedByCaller = rule.ownerAccountId === caller.accountId;
      const [name, isPaused, canEdit, content, changes] = await Promise.all([
        ownerName(rule.ownerAccountId),
        paused(rule.ownerAccountId),
        authority(rule.scopeKey),
        rule.scope === 'content' ? page(scope.contentId ?? '') : Promise.resolve(null),
        Promise.all(
          (rule.history ?? []).map(async (change) => ({
            at: change.at,
            byName: await ownerName(change.byAccountId),
            fields: change.fields,
          })),
        ),
      ]);
      return {
        ...rule,
        ownerName: name,
        ownedByCaller,
        canEditSettings: canEdit,
        canEditDestination: ownedByCaller && canEdit,
        location: ruleLocation(rule, content),
        paused: isPaused,
        changes,
      };
    }),
  );
};
