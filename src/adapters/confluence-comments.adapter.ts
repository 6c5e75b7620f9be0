import { route } from '@forge/api';
import { z } from 'zod';
import type { CommentOutcome, CommentWriter } from '../application/ports/confluence-from-teams';
import { appCommentMarker, APP_COMMENT_MARKER_KEY } from '../domain/echo-guard';
import { asPerson, failure } from './confluence-client';

const createdSchema = z.object({
  id: z.string(),
  _links: z.object({ webui: z.string(), base: z.string() }),
  container: z
    .object({
      id: z.string(),
      title: z.string().default(''),
      _links: z.object({ webui: z.string() }).partial(),
    })
    .optional(),
});

/** Confluence's own words for a refusal, when it gave some: one line, bounded, no markup. */
const messageOf = async (response: { json(): Promise<unknown> }): Promise<string | null> => {
  const body: unknown = await response.json().catch(() => null);
  const message = (body as { message?: unknown } | null)?.message;
  if (typeof message !== 'string') return null;
  const line = message
    .replace(/[\p{Cc}<>]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return line ? line.slice(0, 300) : null;
};

const REFUSALS: Record<number, string> = {
  400: 'Confluence did not accept the comment.',
  403: 'You cannot comment on this in Confluence.',
  404: 'This page no longer exists, or you cannot view it in Confluence.',
};

/**
 * Comments posted as the person (v1, the API that sets content properties at creation, so the
 * app's marker is there before the comment's event fires: domain/echo-guard). A reply names its
 * parent comment as the last ancestor.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content/#api-wiki-rest-api-content-post
 */
export const confluenceComments: CommentWriter = {
  commentAs: async (accountId, target, storageBody): Promise<CommentOutcome> => {
    const what = `a comment on content ${target.contentId}`;
    const client = asPerson(accountId);
    const response = await client.request(route`/wiki/rest/api/content?expand=container`, what, {
      method: 'POST',
      body: {
        type: 'comment',
        container: { id: target.contentId, type: target.contentType ?? 'page', status: 'current' },
        ...(target.parentCommentId ? { ancestors: [{ id: target.parentCommentId }] } : {}),
        body: { storage: { value: storageBody, representation: 'storage' } },
        metadata: {
          properties: {
            [APP_COMMENT_MARKER_KEY]: { key: APP_COMMENT_MARKER_KEY, value: appCommentMarker(1) },
          },
        },
      },
    });
    const refusal = REFUSALS[response.status];
    if (refusal) {
      const said = await messageOf(response);
      return { kind: 'refused', reason: said ? `${refusal} Confluence says: ${said}` : refusal };
    }
    if (!response.ok) throw failure(response.status, what);
    const comment = await client.parse(response, createdSchema, what);
    const base = comment._links.base;
    const commentUrl = `${base}${comment._links.webui}`;
    return {
      kind: 'posted',
      commentId: comment.id,
      commentUrl,
      pageUrl: comment.container?._links.webui
        ? `${base}${comment.container._links.webui}`
        : (commentUrl.split('?')[0] ?? commentUrl),
      title: comment.container?.title ?? '',
    };
  },
};
