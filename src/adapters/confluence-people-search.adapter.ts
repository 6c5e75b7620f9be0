import { route } from '@forge/api';
import { z } from 'zod';
import type { PeopleSearch } from '../application/ports/confluence';
import { asPerson } from './confluence-client';

const resultSchema = z.object({
  results: z.array(
    z.object({
      user: z
        .object({
          accountId: z.string(),
          accountType: z.string().optional(),
          displayName: z.string().nullish(),
          publicName: z.string().nullish(),
        })
        .optional(),
    }),
  ),
});

/** A CQL string literal: backslashes and double quotes escaped, so the term cannot end the query. */
const cqlString = (text: string): string => `"${text.replace(/[\\"]/g, (c) => `\\${c}`)}"`;

/**
 * People by name through Confluence's user search, as the person asking (their view of people's
 * profiles applies). `user.fullname ~ "jo"` finds names with a word starting with "jo"; apps and
 * results without a user are left out.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-search/#api-wiki-rest-api-search-user-get
 */
export const confluencePeopleSearch: PeopleSearch = {
  searchByNameAs: async (accountId, query, limit) => {
    const cql = `user.fullname ~ ${cqlString(query)}`;
    const answer = await asPerson(accountId).read(
      route`/wiki/rest/api/search/user?cql=${cql}&limit=${String(limit)}`,
      resultSchema,
      'a people search',
    );
    return answer.results.flatMap(({ user }) =>
      user && user.accountType !== 'app'
        ? [
            {
              accountId: user.accountId,
              displayName: user.displayName || user.publicName || 'A Confluence user',
            },
          ]
        : [],
    );
  },
};
