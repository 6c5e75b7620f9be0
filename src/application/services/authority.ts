import { AppError } from '../../domain/app-error';
import { scopeRefOf, type Rule, type RuleScopeRef } from '../../domain/rule';
import type { ConfluencePermissions } from '../ports/confluence';

/** The person behind a request, as the platform vouches for them. */
export interface Caller {
  accountId: string;
  /** The site the request came from (the Forge context's `siteUrl`), for links back to it. */
  siteUrl?: string;
}

export const requireUser = (caller: {
  accountId?: string | undefined;
  siteUrl?: string | undefined;
}): Caller => {
  if (!caller.accountId)
    throw new AppError('forbidden', 'Sign in to Confluence to use Microsoft Teams settings.');
  return caller.siteUrl
    ? { accountId: caller.accountId, siteUrl: caller.siteUrl }
    : { accountId: caller.accountId };
};

export const requireSiteAdmin = async (
  permissions: Pick<ConfluencePermissions, 'isSiteAdmin'>,
  caller: Caller,
): Promise<void> => {
  if (!(await permissions.isSiteAdmin(caller.accountId))) {
    throw new AppError('forbidden', 'Only a Confluence site admin can do this.');
  }
};

/** Who may manage rules at a scope: site admin (global), space admin (space), page editor (content). */
const hasRuleAuthority = (
  permissions: ConfluencePermissions,
  caller: Caller,
  scope: RuleScopeRef,
): Promise<boolean> => {
  if (scope.scope === 'global') return permissions.isSiteAdmin(caller.accountId);
  if (scope.scope === 'space') return permissions.isSpaceAdmin(caller.accountId, scope.spaceKey ?? '');
  return permissions.canEditContent(caller.accountId, scope.contentId ?? '');
};

export const requireRuleAuthority = async (
  permissions: ConfluencePermissions,
  caller: Caller,
  scope: RuleScopeRef,
): Promise<void> => {
  if (await hasRuleAuthority(permissions, caller, scope)) return;
  if (scope.scope === 'global') throw new AppError('forbidden', 'Only a Confluence site admin can do this.');
  if (scope.scope === 'space') {
    throw new AppError('forbidden', `Only an admin of space ${scope.spaceKey} can manage its rules.`);
  }
  throw new AppError('forbidden', 'Only people who can edit this page can manage its rules.');
};

/** A stored rule: its scope decides, except a personal rule, which is its owner's alone. */
export const hasAuthorityOver = (
  permissions: ConfluencePermissions,
  caller: Caller,
  rule: Rule,
): Promise<boolean> =>
  rule.scope === 'personal'
    ? Promise.resolve(rule.ownerAccountId === caller.accountId)
    : hasRuleAuthority(permissions, caller, scopeRefOf(rule));

export const requireAuthorityOver = async (
  permissions: ConfluencePermissions,
  caller: Caller,
  rule: Rule,
): Promise<void> => {
  if (rule.scope !== 'personal') return requireRuleAuthority(permissions, caller, scopeRefOf(rule));
  if (rule.ownerAccountId !== caller.accountId) {
    throw new AppError('forbidden', 'Only the person who set up a personal rule can change it.');
  }
};
