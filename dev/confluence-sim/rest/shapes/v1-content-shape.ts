import type { ConfluenceSite } from '../../site/confluence-site';
import type { ContentRecord, ContentVersion } from '../../site/content-record';
import { principalForAccount } from '../../site/principal';
import { contentEditPath, contentWebPath, tinyUiPath } from '../../site/web-paths';
import { v1Space } from './space-shapes';
import { v1User } from './user-shape';

/**
 * Content as the v1 REST API returns it, honouring `expand`; what is not expanded is listed in
 * `_expandable` as Confluence does.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content/#api-wiki-rest-api-content-id-get
 */

const EXPANDABLE = [
  'space',
  'version',
  'history',
  'ancestors',
  'body',
  'metadata',
  'container',
  'children',
  'restrictions',
];

function v1Author(accountId: string, baseUrl: string): Record<string, unknown> {
  const principal = principalForAccount(accountId);
  return principal ? v1User(principal, baseUrl) : { type: 'unknown', accountId, accountType: 'atlassian' };
}

export function v1Version(version: ContentVersion, baseUrl: string): Record<string, unknown> {
  return {
    by: v1Author(version.by, baseUrl),
    when: version.when,
    friendlyWhen: version.when.slice(0, 10),
    message: version.message,
    number: version.number,
    minorEdit: version.minorEdit,
    contentTypeModified: false,
  };
}

/** Minimal content reference used for ancestors and containers. */
function v1Ref(site: ConfluenceSite, content: ContentRecord, baseUrl: string): Record<string, unknown> {
  return {
    id: content.id,
    type: content.type,
    status: content.status,
    title: content.title,
    _links: { webui: contentWebPath(site, content), self: `${baseUrl}/rest/api/content/${content.id}` },
  };
}

export interface V1ContentOptions {
  expand: Set<string>;
  baseUrl: string;
  /** An earlier version to render instead of the current one (`status=historical&version=N`). */
  version?: ContentVersion;
}

export function v1Content(
  site: ConfluenceSite,
  content: ContentRecord,
  opts: V1ContentOptions,
): Record<string, unknown> {
  const { expand, baseUrl } = opts;
  const version = opts.version ?? content.versions[content.versions.length - 1];
  const historical = version.number !== content.version;
  const result: Record<string, unknown> = {
    id: content.id,
    type: content.type,
    status: historical ? 'historical' : content.status,
    title: version.title,
  };
  const has = (key: string): boolean => [...expand].some((e) => e === key || e.startsWith(`${key}.`));
  const space = site.spaceByKey(content.spaceKey);
  if (has('space') && space) result.space = v1Space(space, baseUrl);
  if (has('history')) {
    result.history = {
      latest: !historical,
      createdBy: v1Author(content.createdBy, baseUrl),
      ownedBy: v1Author(content.ownerId, baseUrl),
      createdDate: content.createdAt,
      ...(expand.has('history.lastUpdated')
        ? { lastUpdated: v1Version(content.versions[content.versions.length - 1], baseUrl) }
        : {}),
    };
  }
  if (has('version')) result.version = v1Version(version, baseUrl);
  if (has('ancestors'))
    result.ancestors =
      content.type === 'page' ? site.ancestors(content.id).map((a) => v1Ref(site, a, baseUrl)) : [];
  if (has('container')) {
    const container = content.containerId ? site.content(content.containerId) : undefined;
    result.container = container ? v1Ref(site, container, baseUrl) : space ? v1Space(space, baseUrl) : null;
  }
  if (has('body')) {
    const body: Record<string, unknown> = {};
    for (const representation of ['storage', 'view']) {
      if (expand.has(`body.${representation}`))
        body[representation] = { value: version.body, representation, embeddedContent: [] };
    }
    result.body = body;
  }
  if (has('metadata')) {
    const labels = content.labels.map((l) => ({ prefix: l.prefix, name: l.name, id: l.id, label: l.name }));
    result.metadata = { labels: { results: labels, start: 0, limit: 200, size: labels.length } };
  }
  if (content.type === 'comment') result.extensions = { location: content.location ?? 'footer' };
  result._expandable = Object.fromEntries(EXPANDABLE.filter((key) => !has(key)).map((key) => [key, '']));
  result._links = {
    webui: contentWebPath(site, content),
    edit: contentEditPath(content),
    tinyui: tinyUiPath(content.id),
    self: `${baseUrl}/rest/api/content/${content.id}`,
    base: baseUrl,
    context: '/wiki',
  };
  return result;
}
