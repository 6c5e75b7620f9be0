import { AppError } from '../../../domain/app-error';
import { buildContentCard } from '../../../domain/content-card';
import type { GraphDestination } from '../../../domain/rule';
import type { AccessTokenDeps } from '../../services/access-tokens';
import type { Caller } from '../../services/authority';
import type { ConfluencePeople, ContentReader } from '../../ports/confluence';
import type { TeamsMessenger } from '../../ports/microsoft';
import { withMicrosoftFailures } from '../../services/microsoft-failures';
import type { Random } from '../../ports/platform';
import { asOwner } from '../../services/send-as-owner';

export interface ShareDeps extends AccessTokenDeps {
  content: Pick<ContentReader, 'getContentAs'>;
  people: ConfluencePeople;
  teams: TeamsMessenger;
  random: Random;
}

export interface ShareRequest {
  contentId: string;
  destination: GraphDestination;
  note?: string;
}

/**
 * "Share to Teams now": the card goes out at once, posted through Graph as the caller, and
 * only for content the caller can view (read as them, so nothing restricted leaks).
 */
export const shareContent = async (
  deps: ShareDeps,
  caller: Caller,
  request: ShareRequest,
): Promise<{ sent: true; webUrl: string | null }> => {
  const content = await deps.content.getContentAs(caller.accountId, request.contentId);
  if (!content) {
    throw new AppError('not_found', 'This page does not exist or you do not have permission to view it.');
  }
  const sharedByName = await deps.people.displayNameOf(caller.accountId);
  // Everything on the card was read as the sharer: the titles above the page too.
  const card = buildContentCard({
    kind: content.type === 'blogpost' ? 'blogpost_updated' : 'page_updated',
    title: content.title,
    spaceKey: content.spaceKey,
    spaceName: content.spaceName,
    authorName: sharedByName,
    version: content.version,
    pageUrl: content.url,
    ruleOwnerName: sharedByName,
    sharedByName,
    ...(request.note ? { note: request.note } : {}),
    breadcrumb: (content.ancestors ?? []).map((a) => a.title),
    ...(content.labels ? { labels: content.labels } : {}),
  });
  const outgoing = { card, sendId: deps.random.token(8) };
  // Posted as the sharer; a token Graph refuses early is refreshed once (asOwner).
  const posted = await withMicrosoftFailures('sharing', () =>
    asOwner(deps, caller.accountId, (token) => deps.teams.postMessage(token, request.destination, outgoing)),
  );
  return { sent: true, webUrl: posted.webUrl ?? null };
};
