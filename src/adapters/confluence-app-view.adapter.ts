import { route } from '@forge/api';
import { z } from 'zod';
import type { AppView } from '../application/ports/confluence';
import { publicLabelNames } from '../domain/content-labels';
import { APP_COMMENT_MARKER_KEY } from '../domain/echo-guard';
import { asApp } from './confluence-client';
import { labelsSchema } from './confluence-content.adapter';

const contentFactsSchema = z.object({
  ancestors: z.array(z.object({ id: z.string() })).optional(),
  metadata: labelsSchema,
});

const markerPropertySchema = z.object({
  value: z.object({ commentVersion: z.number().int().positive().optional() }).passthrough(),
});

let appAccount: Promise<string> | undefined;

/**
 * What the app reads as itself, where no person is behind the request (the trigger, the
 * consumer's echo check).
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content-properties/
 */
export const confluenceAppView: AppView = {
  // One request whatever is asked: a trigger has 25 s and the common case needs no call at all.
  readContentFacts: async (contentId, need) => {
    const expand = [need.ancestors ? 'ancestors' : '', need.labels ? 'metadata.labels' : ''].filter(Boolean);
    const content = await asApp().find(
      route`/wiki/rest/api/content/${contentId}?expand=${expand.join(',')}`,
      contentFactsSchema,
      `content ${contentId}`,
      [404],
    );
    if (!content) return null;
    return {
      ...(need.ancestors ? { ancestorIds: (content.ancestors ?? []).map((a) => a.id) } : {}),
      ...(need.labels ? { labels: publicLabelNames(content.metadata?.labels?.results ?? []) } : {}),
    };
  },

  readAppCommentMarker: async (commentId) => {
    const property = await asApp().find(
      route`/wiki/rest/api/content/${commentId}/property/${APP_COMMENT_MARKER_KEY}`,
      markerPropertySchema,
      `comment ${commentId}`,
      [404],
    );
    return property?.value.commentVersion ?? null;
  },

  // The account never changes for an installation: one request per warm runtime, shared by callers.
  appAccountId: () => {
    appAccount ??= asApp()
      .read(route`/wiki/rest/api/user/current`, z.object({ accountId: z.string().min(1) }), 'the app user')
      .then((user) => user.accountId)
      .catch((error: unknown) => {
        appAccount = undefined;
        throw error;
      });
    return appAccount;
  },
};
