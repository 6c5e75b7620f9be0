import type { SiteContextView } from '../../../contracts/site-context';
import { AppError } from '../../../domain/app-error';
import type { Caller } from '../../services/authority';
import type { ConfluencePermissions, ContentReader } from '../../ports/confluence';
import type { TenantStore } from '../../ports/stores';
import type { BotStore } from '../../ports/bot';
import { botReachable } from '../../services/bot-reachable';

interface SiteContextDeps {
  tenants: TenantStore;
  botStore: Pick<BotStore, 'getHealth'>;
  permissions: ConfluencePermissions;
  content: ContentReader;
}

const NOT_VISIBLE = 'This page does not exist or you do not have permission to view it.';

/**
 * Who the caller is on the surface they opened, so the UI can lead the way. Everything is
 * read as the caller: content they cannot view gives not_found and never its title.
 */
export const getSiteContext = async (
  deps: SiteContextDeps,
  caller: Caller,
  input: { spaceKey?: string; contentId?: string },
): Promise<SiteContextView> => {
  const { accountId } = caller;
  const content = input.contentId ? await deps.content.getContentAs(accountId, input.contentId) : null;
  if (input.contentId && !content) throw new AppError('not_found', NOT_VISIBLE);
  const spaceKey = input.spaceKey ?? content?.spaceKey;
  const [mapping, secret, isSiteAdmin, space, canManage, canEdit, botConfigured] = await Promise.all([
    deps.tenants.get(),
    deps.tenants.getClientSecret(),
    deps.permissions.isSiteAdmin(accountId),
    spaceKey ? deps.content.getSpaceAs(accountId, spaceKey) : null,
    spaceKey ? deps.permissions.isSpaceAdmin(accountId, spaceKey) : false,
    content ? deps.permissions.canEditContent(accountId, content.id) : false,
    botReachable(deps.botStore),
  ]);
  if (spaceKey && !space) {
    throw new AppError(
      'not_found',
      `Space ${spaceKey} does not exist or you do not have permission to view it.`,
    );
  }
  return {
    accountId,
    tenantConfigured: mapping !== null && secret !== null,
    // Until Teams has reached the bot, the UI says personal notifications wait for it and keeps
    // "me personally" disabled.
    botConfigured,
    isSiteAdmin,
    space: space ? { key: space.key, name: space.name, canManage } : null,
    content: content
      ? { id: content.id, type: content.type, title: content.title, spaceKey: content.spaceKey, canEdit }
      : null,
  };
};
