import { plainText } from '../../cql/cql-evaluator';
import type { ConfluenceSite } from '../../site/confluence-site';
import type { ContentRecord, ContentVersion } from '../../site/content-record';
import { contentEditPath, contentWebPath, tinyUiPath } from '../../site/web-paths';

/*
 * Pages, blog posts and comments as the v2 REST API returns them.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-page/#api-pages-id-get
 * @see https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-comment/
 */

export function v2Version(version: ContentVersion): Record<string, unknown> {
  return {
    createdAt: version.when,
    message: version.message,
    number: version.number,
    minorEdit: version.minorEdit,
    authorId: version.by,
  };
}

/** `body-format`: storage and view give the stored XHTML; ADF gets a one-paragraph document of its text. */
export function v2Body(storage: string, bodyFormat: string | null): Record<string, unknown> {
  if (!bodyFormat) return {};
  if (bodyFormat === 'atlas_doc_format') {
    const doc = {
      type: 'doc',
      version: 1,
      content: [{ type: 'paragraph', content: [{ type: 'text', text: plainText(storage) }] }],
    };
    return { atlas_doc_format: { representation: 'atlas_doc_format', value: JSON.stringify(doc) } };
  }
  return { [bodyFormat]: { representation: bodyFormat, value: storage } };
}

export function v2Labels(content: ContentRecord): Record<string, unknown> {
  return {
    results: content.labels.map((l) => ({ id: l.id, name: l.name, prefix: l.prefix })),
    meta: { hasMore: false, cursor: null },
    _links: {},
  };
}

export interface V2ContentOptions {
  bodyFormat: string | null;
  includeLabels: boolean;
  includeVersion: boolean;
  baseUrl: string;
  /** An earlier version to render (`?version=N`). */
  version?: ContentVersion;
}

/** A page or blog post; blog posts have no parent or position. */
export function v2Content(
  site: ConfluenceSite,
  content: ContentRecord,
  opts: V2ContentOptions,
): Record<string, unknown> {
  const version = opts.version ?? content.versions[content.versions.length - 1];
  const space = site.spaceByKey(content.spaceKey);
  const siblings = content.parentId ? site.children(content.parentId) : [];
  return {
    id: content.id,
    status: version.number === content.version ? content.status : 'historical',
    title: version.title,
    spaceId: space?.id,
    ...(content.type === 'page'
      ? {
          parentId: content.parentId ?? null,
          parentType: content.parentId ? 'page' : null,
          position: siblings.indexOf(content),
        }
      : {}),
    authorId: content.createdBy,
    ownerId: content.ownerId,
    lastOwnerId: null,
    createdAt: content.createdAt,
    ...(opts.includeVersion ? { version: v2Version(version) } : {}),
    body: v2Body(version.body, opts.bodyFormat),
    ...(opts.includeLabels ? { labels: v2Labels(content) } : {}),
    _links: {
      webui: contentWebPath(site, content),
      editui: contentEditPath(content),
      tinyui: tinyUiPath(content.id),
      base: opts.baseUrl,
    },
  };
}

/** A footer or inline comment; inline ones carry their resolution status and marker properties. */
export function v2Comment(
  site: ConfluenceSite,
  comment: ContentRecord,
  bodyFormat: string | null,
): Record<string, unknown> {
  const container = comment.containerId ? site.content(comment.containerId) : undefined;
  const containerKey = container?.type === 'blogpost' ? 'blogPostId' : 'pageId';
  const latest = comment.versions[comment.versions.length - 1];
  return {
    id: comment.id,
    status: comment.status,
    title: comment.title,
    [containerKey]: comment.containerId,
    ...(comment.parentCommentId ? { parentCommentId: comment.parentCommentId } : {}),
    version: v2Version(latest),
    body: v2Body(comment.body, bodyFormat),
    ...(comment.location === 'inline'
      ? {
          resolutionStatus: 'open',
          properties: { inlineMarkerRef: `sim-marker-${comment.id}`, inlineOriginalSelection: '' },
        }
      : {}),
    _links: { webui: contentWebPath(site, comment) },
  };
}
