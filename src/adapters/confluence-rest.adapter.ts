import api, { route } from '@forge/api';
import { z } from 'zod';
import type { ConfluenceGateway, ContentSummary } from '../application/ports/confluence';

/** Confluence answered something other than success or "not visible". */
export class ConfluenceRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = 'ConfluenceRequestError';
  }
}

const operationsSchema = z.object({
  operations: z.array(z.object({ operation: z.string(), targetType: z.string() })).default([]),
});

const contentSchema = z.object({
  id: z.string(),
  type: z.enum(['page', 'blogpost']),
  title: z.string(),
  space: z.object({ key: z.string(), name: z.string().default('') }),
  version: z.object({ number: z.number(), message: z.string().default('') }),
  _links: z.object({ base: z.string(), webui: z.string() }),
});

type ProductResponse = Awaited<ReturnType<ReturnType<typeof api.asApp>['requestConfluence']>>;

const readJson = async <T>(response: ProductResponse, schema: z.ZodType<T>, what: string): Promise<T> => {
  if (!response.ok)
    throw new ConfluenceRequestError(response.status, `Confluence answered ${response.status} for ${what}`);
  return schema.parse(await response.json());
};

const hasOperation = (ops: z.infer<typeof operationsSchema>, operation: string, targetType: string) =>
  ops.operations.some((o) => o.operation === operation && o.targetType === targetType);

/**
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-users/ (expand=operations)
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content-permissions/
 */
export const confluenceRestGateway: ConfluenceGateway = {
  isSiteAdmin: async (accountId) => {
    const response = await api
      .asUser(accountId)
      .requestConfluence(route`/wiki/rest/api/user/current?expand=operations`);
    return hasOperation(
      await readJson(response, operationsSchema, 'the current user'),
      'administer',
      'application',
    );
  },

  isSpaceAdmin: async (accountId, spaceKey) => {
    const response = await api
      .asUser(accountId)
      .requestConfluence(route`/wiki/rest/api/space/${spaceKey}?expand=operations`);
    if (response.status === 404 || response.status === 403) return false;
    return hasOperation(
      await readJson(response, operationsSchema, `space ${spaceKey}`),
      'administer',
      'space',
    );
  },

  // Checking someone else's permission needs Confluence admin rights; checking oneself, "Can use".
  canEditContent: async (accountId, contentId) => {
    const response = await api
      .asUser(accountId)
      .requestConfluence(route`/wiki/rest/api/content/${contentId}/permission/check`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ subject: { type: 'user', identifier: accountId }, operation: 'update' }),
      });
    if (response.status === 404) return false;
    const result = await readJson(response, z.object({ hasPermission: z.boolean() }), `content ${contentId}`);
    return result.hasPermission;
  },

  getContentAs: async (accountId, contentId): Promise<ContentSummary | null> => {
    const response = await api
      .asUser(accountId)
      .requestConfluence(route`/wiki/rest/api/content/${contentId}?expand=space,version`);
    // Confluence hides content a user may not view behind 404 (sometimes 403).
    if (response.status === 404 || response.status === 403) return null;
    const content = await readJson(response, contentSchema, `content ${contentId}`);
    return {
      id: content.id,
      type: content.type,
      title: content.title,
      spaceKey: content.space.key,
      spaceName: content.space.name || content.space.key,
      version: content.version.number,
      versionMessage: content.version.message,
      url: `${content._links.base}${content._links.webui}`,
    };
  },

  displayNameOf: async (accountId) => {
    const response = await api.asApp().requestConfluence(route`/wiki/rest/api/user?accountId=${accountId}`);
    if (!response.ok) return 'A Confluence user';
    const user = z
      .object({ displayName: z.string().optional(), publicName: z.string().optional() })
      .safeParse(await response.json());
    return (user.success && (user.data.displayName || user.data.publicName)) || 'A Confluence user';
  },
};
