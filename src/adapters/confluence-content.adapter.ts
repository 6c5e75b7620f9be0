import { route } from '@forge/api';
import { z } from 'zod';
import type { ContentReader, ContentSummary } from '../application/ports/confluence';
import { publicLabelNames } from '../domain/content-labels';
import { asPerson } from './confluence-client';

/** `metadata.labels` as Confluence expands it. */
export const labelsSchema = z
  .object({
    labels: z
      .object({ results: z.array(z.object({ name: z.string(), prefix: z.string().optional() })) })
      .optional(),
  })
  .optional();

const contentSchema = z.object({
  id: z.string(),
  type: z.enum(['page', 'blogpost']),
  title: z.string(),
  space: z.object({ key: z.string(), name: z.string().default('') }),
  version: z.object({ number: z.number(), message: z.string().default('') }),
  _links: z.object({ base: z.string(), webui: z.string() }),
  ancestors: z.array(z.object({ id: z.string(), title: z.string().default('') })).optional(),
  metadata: labelsSchema,
});

const storageBody = z.object({ body: z.object({ storage: z.object({ value: z.string() }) }) });

const commentSchema = storageBody.extend({
  id: z.string(),
  version: z.object({ by: z.object({ accountId: z.string().optional() }).partial().optional() }).optional(),
});

/**
 * Content as a person reads it (offline impersonation for anyone but the caller): what a card
 * or a settings page shows them. Whatever they may not view answers null.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content/#api-wiki-rest-api-content-id-get
 */
export const confluenceContent: ContentReader = {
  getContentAs: async (accountId, contentId): Promise<ContentSummary | null> => {
    // Ancestors and labels ride along (same request): the card shows them, read as this user.
    const content = await asPerson(accountId).find(
      route`/wiki/rest/api/content/${contentId}?expand=space,version,ancestors,metadata.labels`,
      contentSchema,
      `content ${contentId}`,
    );
    if (!content) return null;
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

  getSpaceAs: async (accountId, spaceKey) => {
    const space = await asPerson(accountId).find(
      route`/wiki/rest/api/space/${spaceKey}`,
      z.object({ key: z.string(), name: z.string() }),
      `space ${spaceKey}`,
    );
    return space && { key: space.key, name: space.name || space.key };
  },

  getVersionBodyAs: async (accountId, contentId, version) => {
    const found = await asPerson(accountId).find(
      route`/wiki/rest/api/content/${contentId}?version=${version}&expand=body.storage`,
      storageBody,
      `version ${version} of content ${contentId}`,
    );
    return found?.body.storage.value ?? null;
  },

  getCommentAs: async (accountId, commentId) => {
    const comment = await asPerson(accountId).find(
      route`/wiki/rest/api/content/${commentId}?expand=body.storage,version`,
      commentSchema,
      `comment ${commentId}`,
    );
    return (
      comment && {
        id: comment.id,
        body: comment.body.storage.value,
        authorAccountId: comment.version?.by?.accountId ?? null,
      }
    );
  },
};
