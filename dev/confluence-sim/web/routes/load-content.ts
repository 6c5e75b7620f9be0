import type { ContentRecord } from '../../site/content-record';
import { canViewContent } from '../../site/permissions';
import { SimulatorError } from '../../site/simulator-error';
import type { SpaceRecord } from '../../site/space-record';
import { noPermission } from '../views/message.view';
import type { WebRequest, WebResult } from '../web-handler';

/**
 * The space and page or blog post a URL names. Unlike the REST API, the UI tells a user that
 * restricted content exists ("You don't have permission to view this page"), as Confluence's UI does.
 */
export function loadContent(
  req: WebRequest,
): { space: SpaceRecord; content: ContentRecord } | { denied: WebResult } {
  const space = req.site.spaceByKey(req.params.key);
  const content = req.site.content(req.params.id);
  if (!space || !content || content.type === 'comment' || content.spaceKey !== space.key) {
    throw new SimulatorError(404, 'Page not found');
  }
  if (!canViewContent(req.site, req.user, content)) return { denied: noPermission(req) };
  return { space, content };
}

export function loadSpace(req: WebRequest): SpaceRecord {
  const space = req.site.spaceByKey(req.params.key);
  if (!space) throw new SimulatorError(404, `There is no space with key ${req.params.key}`);
  return space;
}
