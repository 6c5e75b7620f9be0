import { AppError } from '../domain/app-error';
import type { RuleScopeRef } from '../domain/rule';
import type { ConfluenceGateway } from './ports/confluence';

/** The person behind a request, as the platform vouches for them. */
export interface Caller {
  accountId: string;
}

export const requireUser = (caller: { accountId?: string | undefined }): Caller => {
  if (!caller.accountId)
    throw new AppError('forbidden', 'Sign in to Confluence to use Microsoft Teams settings.');
  return { accountId: caller.accountId };
};

export const requireSiteAdmin = async (confluence: ConfluenceGateway, caller: Caller): Promise<void> => {
  if (!(await confluence.isSiteAdmin(caller.accountId))) {
    throw new AppError('forbidden', 'Only a Confluence site admin can do this.');
  }
};

/** Who may manage rules at a scope: site admin (global), space admin (space), page editor (content). */
export const requireRuleAuthority = async (
  confluence: ConfluenceGateway,
  caller: Caller,
  scope: RuleScopeRef,
): Promise<void> => {
  if (scope.scope === 'global') return requireSiteAdmin(confluence, caller);
  if (scope.scope === 'space') {
    if (!(await confluence.isSpaceAdmin(caller.accountId, scope.spaceKey ?? ''))) {
      throw new AppError('forbidden', `Only an admin of space ${scope.spaceKey} can manage its rules.`);
    }
    return;
  }
  if (!(await confluence.canEditContent(caller.accountId, scope.contentId ?? ''))) {
    throw new AppError('forbidden', 'Only people who can edit this page can manage its rules.');
  }
};
