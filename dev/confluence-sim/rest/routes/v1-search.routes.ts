import { CqlSyntaxError, type CqlQuery } from '../../cql/cql-ast';
import { evaluateCql, plainText } from '../../cql/cql-evaluator';
import { parseCql } from '../../cql/cql-parser';
import type { Router } from '../../http/router';
import type { ContentRecord } from '../../site/content-record';
import { SimulatorError } from '../../site/simulator-error';
import { contentWebPath, spaceWebPath } from '../../site/web-paths';
import { ok, type RestHandler, type RestRequest } from '../rest-handler';
import { v1Content } from '../shapes/v1-content-shape';
import { registerV1UserSearchRoute } from './v1-search-user.routes';

function parseOrReject(cql: string | null): CqlQuery {
  if (!cql) throw new SimulatorError(400, 'cql is a required parameter');
  try {
    return parseCql(cql);
  } catch (error) {
    // Confluence answers any CQL it cannot parse with this 400 message.
    if (error instanceof CqlSyntaxError) throw new SimulatorError(400, `Could not parse cql : ${cql}`);
    throw error;
  }
}

/** `start`/`limit` paging of v1 searches, with the caller's permissions applied before paging. */
function searchPage(req: RestRequest): {
  items: ContentRecord[];
  start: number;
  limit: number;
  total: number;
} {
  const query = parseOrReject(req.query.get('cql'));
  const all = evaluateCql(req.site, req.principal, query);
  const start = Math.max(Number(req.query.get('start') ?? 0) || 0, 0);
  const limit = Math.min(Math.max(Number(req.query.get('limit') ?? 25) || 25, 1), 100);
  return { items: all.slice(start, start + limit), start, limit, total: all.length };
}

function nextLink(req: RestRequest, start: number, limit: number, total: number): Record<string, string> {
  if (start + limit >= total) return {};
  const next = new URL(req.path, 'http://placeholder');
  next.searchParams.set('start', String(start + limit));
  next.searchParams.set('limit', String(limit));
  return { next: `${next.pathname.replace(/^\/wiki/, '')}${next.search}` };
}

/** The `expand` values under a prefix, e.g. `content.space` → `space` for the search result's content. */
function expandUnder(req: RestRequest, prefix: string): Set<string> {
  const all = (req.query.get('expand') ?? '').split(',').map((e) => e.trim());
  return new Set(all.filter((e) => e.startsWith(prefix)).map((e) => e.slice(prefix.length)));
}

/**
 * `GET /wiki/rest/api/search` and `GET /wiki/rest/api/content/search` with the CQL subset in `cql/`
 * (and `/search/user`, people by user CQL). Results are filtered by what the caller may view, as Confluence does.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-search/#api-wiki-rest-api-search-get
 */
export function registerV1SearchRoutes(router: Router<RestHandler>): void {
  registerV1UserSearchRoute(router);
  router.add('GET', '/wiki/rest/api/search', (req) => {
    const { items, start, limit, total } = searchPage(req);
    const expand = expandUnder(req, 'content.');
    const results = items.map((c) => {
      const space = req.site.spaceByKey(c.spaceKey);
      const modified = c.versions[c.versions.length - 1].when;
      return {
        content: v1Content(req.site, c, { expand, baseUrl: req.baseUrl }),
        title: c.title,
        excerpt: plainText(c.body).slice(0, 200),
        url: contentWebPath(req.site, c),
        resultGlobalContainer: { title: space?.name ?? c.spaceKey, displayUrl: spaceWebPath(c.spaceKey) },
        breadcrumbs: [],
        entityType: 'content',
        iconCssClass: `aui-icon content-type-${c.type}`,
        lastModified: modified,
        friendlyLastModified: modified.slice(0, 10),
        score: 0,
      };
    });
    return ok({
      results,
      start,
      limit,
      size: results.length,
      totalSize: total,
      cqlQuery: req.query.get('cql'),
      searchDuration: 1,
      _links: { base: req.baseUrl, context: '/wiki', ...nextLink(req, start, limit, total) },
    });
  });

  router.add('GET', '/wiki/rest/api/content/search', (req) => {
    const { items, start, limit, total } = searchPage(req);
    const expand = expandUnder(req, '');
    const results = items.map((c) => v1Content(req.site, c, { expand, baseUrl: req.baseUrl }));
    return ok({
      results,
      start,
      limit,
      size: results.length,
      _links: { base: req.baseUrl, context: '/wiki', ...nextLink(req, start, limit, total) },
    });
  });
}
