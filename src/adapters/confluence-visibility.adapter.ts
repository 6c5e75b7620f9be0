import { route } from '@forge/api';
import { z } from 'zod';
import type { ConfluenceGateway } from '../application/ports/confluence';
import { confluenceAs } from './confluence-as-user';
import { ConfluenceReadError } from './confluence-card-reads.adapter';
import { parseUpstream } from './upstream-shape';

type Visibility = Pick<ConfluenceGateway, 'viewableTitlesAs'>;

/** Ids per search: Confluence's default page of search results, so one page answers each. */
const IDS_PER_SEARCH = 25;

/** Content ids are digits; anything else (a row recorded from a malformed message) matches nothing. */
const CONTENT_ID = /^\d{1,20}$/;

const searchResults = z.object({
  results: z.array(z.object({ content: z.object({ id: z.string(), title: z.string() }).optional() })),
});

const chunked = <T>(items: readonly T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/**
 * Which content a person can view, asked of Confluence as that person (`asUser()` for the
 * resolver's own caller, the reader of the log: no impersonation): one CQL search
 * `id in (...)` per 25 ids, side by side. Confluence applies the person's space permissions and
 * page restrictions to search results, so what comes back is what they may see, with the title
 * they see. A result for an id that was not asked is ignored.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-search/#api-wiki-rest-api-search-get
 */
export const confluenceVisibility: Visibility = {
  viewableTitlesAs: async (accountId, contentIds) => {
    const ids = [...new Set(contentIds)].filter((id) => CONTENT_ID.test(id));
    const pages = await Promise.all(
      chunked(ids, IDS_PER_SEARCH).map(async (chunk) => {
        const cql = `id in (${chunk.join(',')})`;
        const response = await confluenceAs(accountId).requestConfluence(
          route`/wiki/rest/api/search?cql=${cql}&limit=${chunk.length}`,
        );
        if (!response.ok) {
          throw new ConfluenceReadError(
            response.status,
            `Confluence answered ${response.status} for a CQL search`,
          );
        }
        const asked = new Set(chunk);
        const body: unknown = await response.json();
        const fail = (message: string) => new ConfluenceReadError(response.status, message);
        return parseUpstream(
          searchResults,
          body,
          `Confluence's answer for a CQL search`,
          fail,
        ).results.flatMap(({ content }) =>
          content && asked.has(content.id) ? [{ id: content.id, title: content.title }] : [],
        );
      }),
    );
    return pages.flat();
  },
};
