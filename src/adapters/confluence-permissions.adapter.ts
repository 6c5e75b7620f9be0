import { route } from '@forge/api';
import { z } from 'zod';
import type { ConfluencePermissions } from '../application/ports/confluence';
import { asPerson } from './confluence-client';

const operationsSchema = z.object({
  operations: z.array(z.object({ operation: z.string(), targetType: z.string() })).default([]),
});

const hasOperation = (ops: z.infer<typeof operationsSchema> | null, operation: string, targetType: string) =>
  (ops?.operations ?? []).some((o) => o.operation === operation && o.targetType === targetType);

/** Ids per search: Confluence's default page of search results, so one page answers each. */
const IDS_PER_SEARCH = 25;

/** Content ids are digits; anything else (a row recorded from a malformed message) matches nothing. */
const CONTENT_ID = /^\d{1,20}$/;

const titledResults = z.object({
  results: z.array(z.object({ content: z.object({ id: z.string(), title: z.string() }).optional() })),
});

const chunked = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Authority and visibility, asked of Confluence as the person concerned.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-users/ (expand=operations)
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content-permissions/
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-search/#api-wiki-rest-api-search-get
 */
export const confluencePermissions: ConfluencePermissions = {
  isSiteAdmin: async (accountId) =>
    hasOperation(
      await asPerson(accountId).read(
        route`/wiki/rest/api/user/current?expand=operations`,
        operationsSchema,
        'the current user',
      ),
      'administer',
      'application',
    ),

  isSpaceAdmin: async (accountId, spaceKey) =>
    hasOperation(
      await asPerson(accountId).find(
        route`/wiki/rest/api/space/${spaceKey}?expand=operations`,
        operationsSchema,
        `space ${spaceKey}`,
      ),
      'administer',
      'space',
    ),

  // Checking someone else's permission needs Confluence admin rights; checking oneself, "Can use".
  canEditContent: async (accountId, contentId) => {
    const result = await asPerson(accountId).find(
      route`/wiki/rest/api/content/${contentId}/permission/check`,
      z.object({ hasPermission: z.boolean() }),
      `content ${contentId}`,
      [404],
      { body: { subject: { type: 'user', identifier: accountId }, operation: 'update' } },
    );
    return result?.hasPermission ?? false;
  },

  // Asked as the reader of a listing (the resolver's own caller: no impersonation): one CQL
  // search `id in (...)` per 25 ids, side by side. Confluence applies the person's space
  // permissions and page restrictions to search results, so what comes back is what they may
  // see, with the title they see. A result for an id that was not asked is ignored.
  viewableTitlesAs: async (accountId, contentIds) => {
    const ids = [...new Set(contentIds)].filter((id) => CONTENT_ID.test(id));
    const pages = await Promise.all(
      chunked(ids, IDS_PER_SEARCH).map(async (chunk) => {
        const cql = `id in (${chunk.join(',')})`;
        const found = await asPerson(accountId).read(
          route`/wiki/rest/api/search?cql=${cql}&limit=${chunk.length}`,
          titledResults,
          'a CQL search',
        );
        const asked = new Set(chunk);
        return found.results.flatMap(({ content }) =>
          content && asked.has(content.id) ? [{ id: content.id, title: content.title }] : [],
        );
      }),
    );
    return pages.flat();
  },
};
