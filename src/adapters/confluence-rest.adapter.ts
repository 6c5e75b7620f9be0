import api, { route } from '@forge/api';
import { z } from 'zod';
import type { ConfluenceGateway, ContentSummary } from '../application/ports/confluence';
import { publicLabelNames } from '../domain/content-labels';
import { APP_COMMENT_MARKER_KEY } from '../domain/echo-guard';
import { confluenceCardReads } from './confluence-card-reads.adapter';
import { confluenceVisibility } from './confluence-visibility.adapter';
import { confluenceAs } from './confluence-as-user';
import { parseUpstream } from './upstream-shape';

/** Confluence answered something other than success or "not visible". */
class ConfluenceRequestError extends Error {
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
  ancestors: z.array(z.object({ id: z.string(), title: z.string().default('') })).optional(),
  metadata: z
    .object({
      labels: z
        .object({ results: z.array(z.object({ name: z.string(), prefix: z.string().optional() })) })
        .optional(),
    })
    .optional(),
});

type ProductResponse = Awaited<ReturnType<ReturnType<typeof api.asApp>['requestConfluence']>>;

const readJson = async <T>(response: ProductResponse, schema: z.ZodType<T>, what: string): Promise<T> => {
  if (!response.ok)
    throw new ConfluenceRequestError(response.status, `Confluence answered ${response.status} for ${what}`);
  return parseUpstream(
    schema,
    await response.json(),
    `Confluence's answer for ${what}`,
    (message) => new ConfluenceRequestError(response.status, message),
  );
};

const hasOperation = (ops: z.infer<typeof operationsSchema>, operation: string, targetType: string) =>
  ops.operations.some((o) => o.operation === operation && o.targetType === targetType);

/**
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-users/ (expand=operations)
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content-permissions/
 */
export const confluenceRestGateway: ConfluenceGateway = {
  isSiteAdmin: async (accountId) => {
    const response = await confluenceAs(accountId).requestConfluence(
      route`/wiki/rest/api/user/current?expand=operations`,
    );
    return hasOperation(
      await readJson(response, operationsSchema, 'the current user'),
      'administer',
      'application',
    );
  },

  isSpaceAdmin: async (accountId, spaceKey) => {
    const response = await confluenceAs(accountId).requestConfluence(
      route`/wiki/rest/api/space/${spaceKey}?expand=operations`,
    );
    if (response.status === 404 || response.status === 403) return false;
    return hasOperation(
      await readJson(response, operationsSchema, `space ${spaceKey}`),
      'administer',
      'space',
    );
  },

  // Checking someone else's permission needs Confluence admin rights; checking oneself, "Can use".
  canEditContent: async (accountId, contentId) => {
    const response = await confluenceAs(accountId).requestConfluence(
      route`/wiki/rest/api/content/${contentId}/permission/check`,
      {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
        body: JSON.stringify({ subject: { type: 'user', identifier: accountId }, operation: 'update' }),
      },
    );
    if (response.status === 404) return false;
    const result = await readJson(response, z.object({ hasPermission: z.boolean() }), `content ${contentId}`);
    return result.hasPermission;
  },

  getContentAs: async (accountId, contentId): Promise<ContentSummary | null> => {
    const response = await confluenceAs(accountId)
      // Ancestors and labels ride along (same request): the card shows them, read as this user.
      .requestConfluence(
        route`/wiki/rest/api/content/${contentId}?expand=space,version,ancestors,metadata.labels`,
      );
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
      baseUrl: content._links.base,
      ancestors: (content.ancestors ?? []).map((a) => ({ id: a.id, title: a.title })),
      labels: publicLabelNames(content.metadata?.labels?.results ?? []),
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

  getSpaceAs: async (accountId, spaceKey) => {
    const response = await confluenceAs(accountId).requestConfluence(route`/wiki/rest/api/space/${spaceKey}`);
    if (response.status === 404 || response.status === 403) return null;
    const space = await readJson(
      response,
      z.object({ key: z.string(), name: z.string() }),
      `space ${spaceKey}`,
    );
    return { key: space.key, name: space.name || space.key };
  },

  // Confluence answers CQL it cannot parse with 400 and a message; the search runs as the rule's
  // owner (offline impersonation when someone else edits the rule), who will run the filter.
  validateCql: async (accountId, cql) => {
    const response = await confluenceAs(accountId).requestConfluence(
      route`/wiki/rest/api/search?cql=${`(${cql})`}&limit=1`,
    );
    if (response.ok) return null;
    if (response.status !== 400) {
      throw new ConfluenceRequestError(
        response.status,
        `Confluence answered ${response.status} for a CQL search`,
      );
    }
    const body = z
      .object({ message: z.string().optional() })
      .safeParse(await response.json().catch(() => ({})));
    return (body.success && body.data.message) || 'Confluence could not parse this CQL.';
  },

  // One request whatever is asked: a trigger has 25 s and the common case needs no call at all.
  readContentFacts: async (contentId, need) => {
    const expand = [need.ancestors ? 'ancestors' : '', need.labels ? 'metadata.labels' : ''].filter(Boolean);
    const response = await api
      .asApp()
      .requestConfluence(route`/wiki/rest/api/content/${contentId}?expand=${expand.join(',')}`);
    if (response.status === 404) return null;
    const content = await readJson(response, contentFactsSchema, `content ${contentId}`);
    return {
      ...(need.ancestors ? { ancestorIds: (content.ancestors ?? []).map((a) => a.id) } : {}),
      ...(need.labels ? { labels: publicLabelNames(content.metadata?.labels?.results ?? []) } : {}),
    };
  },

  // @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content-properties/
  readAppCommentMarker: async (commentId) => {
    const response = await api
      .asApp()
      .requestConfluence(route`/wiki/rest/api/content/${commentId}/property/${APP_COMMENT_MARKER_KEY}`);
    if (response.status === 404) return null;
    const property = await readJson(response, markerPropertySchema, `comment ${commentId}`);
    return property.value.commentVersion ?? null;
  },

  // The account never changes for an installation: one request per warm runtime, shared by callers.
  appAccountId: () => {
    appAccount ??= api
      .asApp()
      .requestConfluence(route`/wiki/rest/api/user/current`)
      .then((response) => readJson(response, z.object({ accountId: z.string().min(1) }), 'the app user'))
      .then((user) => user.accountId)
      .catch((error: unknown) => {
        appAccount = undefined;
        throw error;
      });
    return appAccount;
  },

  ...confluenceCardReads,
  ...confluenceVisibility,
};

let appAccount: Promise<string> | undefined;

const contentFactsSchema = z.object({
  ancestors: z.array(z.object({ id: z.string() })).optional(),
  metadata: z
    .object({
      labels: z
        .object({ results: z.array(z.object({ name: z.string(), prefix: z.string().optional() })) })
        .optional(),
    })
    .optional(),
});

const markerPropertySchema = z.object({
  value: z.object({ commentVersion: z.number().int().positive().optional() }).passthrough(),
});
