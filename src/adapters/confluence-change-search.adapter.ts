import { route } from '@forge/api';
import { z } from 'zod';
import type { ChangeSearch } from '../application/ports/confluence';
import type { CatchUpItem } from '../domain/catch-up-card';
import { asPerson } from './confluence-client';

const person = z.object({ accountId: z.string(), displayName: z.string().optional() }).partial();

/** Search results; only pages and blog posts are kept (the query asks for nothing else). */
const searchAnswer = z.object({
  results: z.array(
    z.object({
      content: z
        .object({
          id: z.string(),
          type: z.string(),
          title: z.string(),
          space: z.object({ name: z.string() }).partial().optional(),
          version: z.object({ by: person.optional(), when: z.string().optional() }).optional(),
          _links: z.object({ webui: z.string() }).partial().optional(),
        })
        .optional(),
      lastModified: z.string().optional(),
    }),
  ),
  totalSize: z.number().int().nonnegative().optional(),
  _links: z.object({ base: z.string() }),
});

type Result = z.infer<typeof searchAnswer>['results'][number];

const itemOf = (result: Result, base: string): CatchUpItem | null => {
  const content = result.content;
  if (!content || (content.type !== 'page' && content.type !== 'blogpost')) return null;
  const by = content.version?.by;
  return {
    id: content.id,
    type: content.type,
    title: content.title,
    spaceName: content.space?.name ?? '',
    url: `${base}${content._links?.webui ?? ''}`,
    lastModified: content.version?.when ?? result.lastModified ?? '',
    lastModifiedBy: by?.accountId ? { accountId: by.accountId, displayName: by.displayName ?? '' } : null,
  };
};

/**
 * A catch-up's search, run by Confluence as the rule's owner (offline impersonation): results are
 * only what they may view (invariant 3).
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-search/#api-wiki-rest-api-search-get
 */
export const confluenceChangeSearch: ChangeSearch = {
  findChangesAs: async (accountId, cql, limit) => {
    const answer = await asPerson(accountId).read(
      route`/wiki/rest/api/search?cql=${cql}&limit=${String(limit)}&expand=${'content.space,content.version'}`,
      searchAnswer,
      'a catch-up search',
    );
    const items = answer.results
      .map((result) => itemOf(result, answer._links.base))
      .filter((item): item is CatchUpItem => item !== null);
    return {
      items,
      total: Math.max(answer.totalSize ?? items.length, items.length),
      baseUrl: answer._links.base,
    };
  },
};
