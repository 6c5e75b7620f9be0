import { route } from '@forge/api';
import { z } from 'zod';
import type { CqlSearch } from '../application/ports/confluence';
import { cqlFilterProblem } from '../domain/cql-filter';
import { asPerson, failure } from './confluence-client';

/** Search results; only content results carry `content` (spaces and users do not). */
const searchResults = z.object({
  results: z.array(z.object({ content: z.object({ id: z.string() }).partial().optional() })),
});

/**
 * CQL run by Confluence as the filter's owner, who is the one the filter reads for.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-search/#api-wiki-rest-api-search-get
 */
export const confluenceSearch: CqlSearch = {
  // Confluence answers CQL it cannot parse with 400 and a message; the search runs as the rule's
  // owner (offline impersonation when someone else edits the rule), who will run the filter.
  validateCql: async (accountId, cql) => {
    const what = 'a CQL search';
    const response = await asPerson(accountId).request(
      route`/wiki/rest/api/search?cql=${`(${cql})`}&limit=1`,
      what,
    );
    if (response.ok) return null;
    if (response.status !== 400) throw failure(response.status, what);
    const body = z
      .object({ message: z.string().optional() })
      .safeParse(await response.json().catch(() => ({})));
    return (body.success && body.data.message) || 'Confluence could not parse this CQL.';
  },

  // Confluence runs the search with the owner's permissions, so a match also proves they can see it.
  // Invariant 3: a filter that escapes `id = … AND (…)` (a rule stored before save-time checks)
  // matches nothing, and only a result that is this very content counts as a match.
  matchesCqlAs: async (accountId, contentId, cql) => {
    if (cqlFilterProblem(cql)) return false;
    const query = `id = ${contentId} AND (${cql})`;
    // A filter Confluence no longer parses (fields renamed, functions removed) matches nothing.
    const found = await asPerson(accountId).find(
      route`/wiki/rest/api/search?cql=${query}&limit=1`,
      searchResults,
      'a CQL search',
      [400],
    );
    return (found?.results ?? []).some((result) => result.content?.id === contentId);
  },
};
