import { confluenceLinkOf } from '../../../domain/confluence-link';
import { contentPreview, spacePreview } from '../../../domain/found-content-cards';
import { extensionResults, extensionSignIn, queryLinkValueSchema } from '../../../domain/teams-invokes';
import { ConfluenceRequestError } from '../../ports/confluence';
import type { ContentFinder } from '../../ports/confluence-from-teams';
import type { AuthenticatedActivity } from './authenticate-activity';
import { linkedAccountOf, personalPageOf, type TeamsPersonDeps } from './teams-person';

export interface PreviewDeps extends TeamsPersonDeps {
  finder: Pick<ContentFinder, 'previewContentAs' | 'previewSpaceAs'>;
}

/** No preview: Teams leaves the link as it is. */
const NO_PREVIEW = {};

/**
 * A pasted link to this site (`composeExtension/queryLink`): a preview read as the person who
 * pasted it. Content they cannot view gets no preview at all (invariant 3); a link to another
 * site, or anything when the site admin turned previews off, gets none either. Teams is told not
 * to cache the preview, which depends on who pasted the link.
 */
export const previewLink = async (
  deps: PreviewDeps,
  authenticated: AuthenticatedActivity,
): Promise<unknown> => {
  if (!authenticated.linkPreviews || !authenticated.siteUrl) return NO_PREVIEW;
  const parsed = queryLinkValueSchema.safeParse(authenticated.activity.value);
  const link = parsed.success ? confluenceLinkOf(parsed.data.url, authenticated.siteUrl) : null;
  if (!link) return NO_PREVIEW;
  const accountId = await linkedAccountOf(deps, authenticated);
  if (!accountId) {
    const page = personalPageOf(deps, authenticated);
    return page ? extensionSignIn(page) : NO_PREVIEW;
  }
  try {
    if (link.kind === 'space') {
      const space = await deps.finder.previewSpaceAs(accountId, link.spaceKey);
      return space ? extensionResults([spacePreview(space)], true) : NO_PREVIEW;
    }
    const content = await deps.finder.previewContentAs(accountId, link.contentId);
    return content ? extensionResults([contentPreview(content)], true) : NO_PREVIEW;
  } catch (error) {
    // Confluence busy or refusing: the link simply shows without a preview.
    if (error instanceof ConfluenceRequestError) return NO_PREVIEW;
    throw error;
  }
};
