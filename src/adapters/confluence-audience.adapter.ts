import { route } from '@forge/api';
import { z } from 'zod';
import type { NotificationAudience } from '../application/ports/confluence';
import { asApp } from './confluence-client';

/** Confluence's default page of watches; a few pages at most are read for one event. */
const WATCHES_PER_PAGE = 200;
const MAX_WATCHES = 1000;

const watchArray = z.object({
  results: z.array(z.object({ watcher: z.object({ accountId: z.string().min(1).max(128) }).partial() })),
  size: z.number().int().nonnegative().optional(),
});

const storageBody = z.object({ body: z.object({ storage: z.object({ value: z.string() }) }) });

const historySchema = z.object({
  history: z.object({ createdBy: z.object({ accountId: z.string() }).partial().optional() }).optional(),
});

const commentSchema = storageBody.extend({
  id: z.string(),
  version: z.object({ by: z.object({ accountId: z.string().optional() }).partial().optional() }).optional(),
});

/** Every watcher of one watch list, page after page, up to MAX_WATCHES. */
const readWatches = async (
  path: (start: number) => ReturnType<typeof route>,
  what: string,
): Promise<string[]> => {
  const found = new Set<string>();
  for (let start = 0; start < MAX_WATCHES; start += WATCHES_PER_PAGE) {
    const page = await asApp().find(path(start), watchArray, what, [404]);
    const ids = (page?.results ?? []).flatMap((w) => (w.watcher.accountId ? [w.watcher.accountId] : []));
    ids.forEach((id) => found.add(id));
    if (!page || page.results.length < WATCHES_PER_PAGE) break;
  }
  return [...found];
};

/**
 * What Confluence knows about who cares about a change, read as the app.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content-watches/
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content/#api-wiki-rest-api-content-id-get
 */
export const confluenceAudience: NotificationAudience = {
  // "Get watches for page" (Confluence names the route after child-created notifications).
  contentWatchers: (contentId) =>
    readWatches(
      (start) =>
        route`/wiki/rest/api/content/${contentId}/notification/child-created?start=${start}&limit=${WATCHES_PER_PAGE}`,
      `the watchers of content ${contentId}`,
    ),

  // "Get watches for space": every watch of the space the content is in.
  spaceWatchers: (contentId) =>
    readWatches(
      (start) =>
        route`/wiki/rest/api/content/${contentId}/notification/created?start=${start}&limit=${WATCHES_PER_PAGE}`,
      `the space watchers of content ${contentId}`,
    ),

  creatorOf: async (contentId) => {
    const content = await asApp().find(
      route`/wiki/rest/api/content/${contentId}?expand=history`,
      historySchema,
      `content ${contentId}`,
      [404],
    );
    return content?.history?.createdBy?.accountId ?? null;
  },

  versionBody: async (contentId, version) => {
    const found = await asApp().find(
      route`/wiki/rest/api/content/${contentId}?version=${version}&expand=body.storage`,
      storageBody,
      `version ${version} of content ${contentId}`,
      [404],
    );
    return found?.body.storage.value ?? null;
  },

  comment: async (commentId) => {
    const found = await asApp().find(
      route`/wiki/rest/api/content/${commentId}?expand=body.storage,version`,
      commentSchema,
      `comment ${commentId}`,
      [404],
    );
    return (
      found && {
        id: found.id,
        body: found.body.storage.value,
        authorAccountId: found.version?.by?.accountId ?? null,
      }
    );
  },
};
