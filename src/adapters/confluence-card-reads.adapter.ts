import type api from '@forge/api';
import { route } from '@forge/api';
import { z } from 'zod';
import type { ConfluenceGateway } from '../application/ports/confluence';
import { cqlFilterProblem } from '../domain/cql-filter';
import { confluenceAs } from './confluence-as-user';
import { parseUpstream } from './upstream-shape';

type CardReads = Pick<ConfluenceGateway, 'matchesCqlAs' | 'getVersionBodyAs' | 'getCommentAs'>;
type ProductResponse = Awaited<ReturnType<ReturnType<typeof api.asApp>['requestConfluence']>>;

/** Confluence answered something other than success or "not visible" (e.g. 5xx): worth retrying. */
export class ConfluenceReadError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ConfluenceReadError';
  }
}

const hidden = (response: ProductResponse): boolean => response.status === 404 || response.status === 403;

const parse = async <T>(response: ProductResponse, schema: z.ZodType<T>, what: string): Promise<T> => {
  if (!response.ok)
    throw new ConfluenceReadError(response.status, `Confluence answered ${response.status} for ${what}`);
  return parseUpstream(
    schema,
    await response.json(),
    `Confluence's answer for ${what}`,
    (message) => new ConfluenceReadError(response.status, message),
  );
};

/** Search results; only content results carry `content` (spaces and users do not). */
const searchResults = z.object({
  results: z.array(z.object({ content: z.object({ id: z.string() }).partial().optional() })),
});

const storageBody = z.object({ body: z.object({ storage: z.object({ value: z.string() }) }) });

const commentSchema = storageBody.extend({
  id: z.string(),
  version: z.object({ by: z.object({ accountId: z.string().optional() }).partial().optional() }).optional(),
});

/**
 * What the queue consumer reads as a rule's owner (offline impersonation) to decide whether
 * that rule may send, and to fill the card.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-search/#api-wiki-rest-api-search-get
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content/#api-wiki-rest-api-content-id-get
 */
export const confluenceCardReads: CardReads = {
  // Confluence runs the search with the owner's permissions, so a match also proves they can see it.
  // Invariant 3: a filter that escapes `id = … AND (…)` (a rule stored before save-time checks)
  // matches nothing, and only a result that is this very content counts as a match.
  matchesCqlAs: async (accountId, contentId, cql) => {
    if (cqlFilterProblem(cql)) return false;
    const query = `id = ${contentId} AND (${cql})`;
    const response = await confluenceAs(accountId).requestConfluence(
      route`/wiki/rest/api/search?cql=${query}&limit=1`,
    );
    // A filter Confluence no longer parses (fields renamed, functions removed) matches nothing.
    if (response.status === 400) return false;
    const found = await parse(response, searchResults, 'a CQL search');
    return found.results.some((result) => result.content?.id === contentId);
  },

  getVersionBodyAs: async (accountId, contentId, version) => {
    const response = await confluenceAs(accountId).requestConfluence(
      route`/wiki/rest/api/content/${contentId}?version=${version}&expand=body.storage`,
    );
    if (hidden(response)) return null;
    return (await parse(response, storageBody, `version ${version} of content ${contentId}`)).body.storage
      .value;
  },

  getCommentAs: async (accountId, commentId) => {
    const response = await confluenceAs(accountId).requestConfluence(
      route`/wiki/rest/api/content/${commentId}?expand=body.storage,version`,
    );
    if (hidden(response)) return null;
    const comment = await parse(response, commentSchema, `comment ${commentId}`);
    return {
      id: comment.id,
      body: comment.body.storage.value,
      authorAccountId: comment.version?.by?.accountId ?? null,
    };
  },
};
