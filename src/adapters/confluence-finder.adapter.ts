import { route } from '@forge/api';
import { z } from 'zod';
import type { ContentFinder } from '../application/ports/confluence-from-teams';
import type { FoundContent } from '../domain/found-content-cards';
import { withoutHighlights } from '../domain/search-cql';
import { excerpt, storageToText } from '../domain/storage-text';
import { asPerson } from './confluence-client';

const EXCERPT_CHARS = 300;

const searchSchema = z.object({
  results: z.array(
    z.object({
      content: z
        .object({ id: z.string(), type: z.string(), _links: z.object({ webui: z.string() }).partial() })
        .optional(),
      title: z.string().default(''),
      excerpt: z.string().default(''),
      url: z.string().default(''),
      resultGlobalContainer: z.object({ title: z.string().default('') }).optional(),
      lastModified: z.string().optional(),
    }),
  ),
  _links: z.object({ base: z.string() }),
});

const person = z.object({ displayName: z.string().optional() }).partial().optional();

const previewSchema = z.object({
  id: z.string(),
  type: z.enum(['page', 'blogpost']),
  title: z.string(),
  space: z.object({ key: z.string(), name: z.string().default('') }),
  history: z
    .object({
      createdBy: person,
      lastUpdated: z.object({ when: z.string().optional(), by: person }).partial().optional(),
    })
    .partial()
    .optional(),
  body: z
    .object({ storage: z.object({ value: z.string() }) })
    .partial()
    .optional(),
  _links: z.object({ base: z.string(), webui: z.string() }),
});

const spaceSchema = z.object({
  key: z.string(),
  name: z.string().default(''),
  description: z
    .object({ plain: z.object({ value: z.string().default('') }).partial() })
    .partial()
    .optional(),
  _links: z.object({ base: z.string().optional(), webui: z.string().optional() }).partial().optional(),
});

const isContentType = (type: string): type is FoundContent['type'] => type === 'page' || type === 'blogpost';

/**
 * Search and previews as the person in Teams, each one request to Confluence.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-search/#api-wiki-rest-api-search-get
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content/#api-wiki-rest-api-content-id-get
 */
export const confluenceFinder: ContentFinder = {
  searchAs: async (accountId, cql, { start, limit }) => {
    const found = await asPerson(accountId).read(
      route`/wiki/rest/api/search?cql=${cql}&start=${start}&limit=${limit}&excerpt=highlight`,
      searchSchema,
      'a search from Teams',
    );
    return found.results.flatMap((result) => {
      const content = result.content;
      if (!content || !isContentType(content.type)) return [];
      const path = result.url || content._links.webui || '';
      return [
        {
          id: content.id,
          type: content.type,
          title: withoutHighlights(result.title),
          spaceName: result.resultGlobalContainer?.title ?? '',
          url: `${found._links.base}${path}`,
          excerpt: excerpt(withoutHighlights(result.excerpt), EXCERPT_CHARS),
          ...(result.lastModified ? { lastModified: result.lastModified } : {}),
        },
      ];
    });
  },

  previewContentAs: async (accountId, contentId) => {
    const content = await asPerson(accountId).find(
      route`/wiki/rest/api/content/${contentId}?expand=space,history,history.lastUpdated,body.storage`,
      previewSchema,
      `content ${contentId}`,
    );
    if (!content) return null;
    const lastUpdated = content.history?.lastUpdated;
    return {
      id: content.id,
      type: content.type,
      title: content.title,
      spaceName: content.space.name || content.space.key,
      url: `${content._links.base}${content._links.webui}`,
      excerpt: excerpt(storageToText(content.body?.storage?.value ?? ''), EXCERPT_CHARS),
      ...(lastUpdated?.when ? { lastModified: lastUpdated.when } : {}),
      ...(content.history?.createdBy?.displayName
        ? { authorName: content.history.createdBy.displayName }
        : {}),
      ...(lastUpdated?.by?.displayName ? { updatedByName: lastUpdated.by.displayName } : {}),
    };
  },

  previewSpaceAs: async (accountId, spaceKey) => {
    const space = await asPerson(accountId).find(
      route`/wiki/rest/api/space/${spaceKey}?expand=description.plain`,
      spaceSchema,
      `space ${spaceKey}`,
    );
    if (!space) return null;
    const base = space._links?.base ?? '';
    return {
      key: space.key,
      name: space.name || space.key,
      url: `${base}${space._links?.webui ?? `/spaces/${encodeURIComponent(space.key)}`}`,
      description: excerpt(space.description?.plain?.value ?? '', EXCERPT_CHARS),
    };
  },
};
