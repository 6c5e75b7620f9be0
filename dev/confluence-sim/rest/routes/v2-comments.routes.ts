import { viewableContent } from '../../actions/action-context';
import { addComment } from '../../actions/add-comment';
import { editComment } from '../../actions/edit-comment';
import type { Router } from '../../http/router';
import type { ContentRecord } from '../../site/content-record';
import { SimulatorError } from '../../site/simulator-error';
import { ok, type RestHandler, type RestRequest } from '../rest-handler';
import { v2Comment } from '../shapes/v2-content-shape';
import { v2Page } from '../v2-paging';
import { idValue, requestedVersion, storageValue } from './v2-write-body';

interface CreateCommentBody {
  pageId?: unknown;
  blogPostId?: unknown;
  parentCommentId?: unknown;
  body?: unknown;
}

function commentAt(req: RestRequest, location: 'footer' | 'inline'): ContentRecord {
  const comment = viewableContent(req.actions, req.params.id, ['comment']);
  if (comment.location !== location)
    throw new SimulatorError(404, `No ${location} comment with id ${req.params.id}.`);
  return comment;
}

/**
 * v2 comments: read one comment and its replies, create a footer comment, update a footer comment.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-comment/
 */
export function registerV2CommentRoutes(router: Router<RestHandler>): void {
  for (const location of ['footer', 'inline'] as const) {
    router.add('GET', `/wiki/api/v2/${location}-comments/:id`, (req) =>
      ok(v2Comment(req.site, commentAt(req, location), req.query.get('body-format'))),
    );
    router.add('GET', `/wiki/api/v2/${location}-comments/:id/children`, (req) => {
      const parent = commentAt(req, location);
      const replies = req.site
        .allContent()
        .filter((c) => c.type === 'comment' && c.parentCommentId === parent.id);
      return ok(v2Page(req, replies, (c) => v2Comment(req.site, c, req.query.get('body-format'))));
    });
  }

  router.add('POST', '/wiki/api/v2/footer-comments', async (req) => {
    const body = ((await req.json()) ?? {}) as CreateCommentBody;
    const value = storageValue(body.body);
    let containerId: string;
    let parentCommentId: string | undefined;
    if (body.parentCommentId !== undefined) {
      const parent = viewableContent(req.actions, idValue(body.parentCommentId), ['comment']);
      if (!parent.containerId) throw new SimulatorError(400, 'The parent comment has no container.');
      containerId = parent.containerId;
      parentCommentId = parent.id;
    } else if (body.pageId !== undefined || body.blogPostId !== undefined) {
      containerId = idValue(body.pageId ?? body.blogPostId);
      const expected = body.pageId !== undefined ? 'page' : 'blogpost';
      viewableContent(req.actions, containerId, [expected]);
    } else {
      throw new SimulatorError(400, 'One of pageId, blogPostId or parentCommentId is required.');
    }
    const comment = await addComment(req.actions, containerId, {
      body: value,
      location: 'footer',
      ...(parentCommentId ? { parentCommentId } : {}),
    });
    return { status: 201, body: v2Comment(req.site, comment, 'storage') };
  });

  router.add('PUT', '/wiki/api/v2/footer-comments/:id', async (req) => {
    const body = ((await req.json()) ?? {}) as { body?: unknown; version?: unknown };
    commentAt(req, 'footer');
    const version = requestedVersion(body.version);
    const comment = await editComment(req.actions, req.params.id, {
      body: storageValue(body.body),
      baseVersion: version.number - 1,
    });
    return ok(v2Comment(req.site, comment, 'storage'));
  });
}
