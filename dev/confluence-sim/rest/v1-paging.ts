import type { RestRequest } from './rest-handler';

/** One page of a v1 list: the slice and the `start`, `limit`, `size` and `_links` around it. */
export interface V1Page<T> {
  items: T[];
  envelope: (results: unknown[]) => Record<string, unknown>;
}

/**
 * `start`/`limit` paging as v1 lists do it: `size` is the number of results on this page, and
 * `_links.next` (relative to the site base, like Confluence's) is there only when more follow.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/intro/#using
 */
export function v1Page<T>(req: RestRequest, all: T[], defaultLimit: number, maxLimit: number): V1Page<T> {
  const start = Math.max(Math.trunc(Number(req.query.get('start') ?? 0)) || 0, 0);
  const limit = Math.min(
    Math.max(Math.trunc(Number(req.query.get('limit') ?? defaultLimit)) || defaultLimit, 1),
    maxLimit,
  );
  const items = all.slice(start, start + limit);
  const self = new URL(req.path, 'http://placeholder');
  const links: Record<string, string> = {
    base: req.baseUrl,
    context: '/wiki',
    self: `${req.baseUrl}${self.pathname.replace(/^\/wiki/, '')}${self.search}`,
  };
  if (start + limit < all.length) {
    const next = new URL(req.path, 'http://placeholder');
    next.searchParams.set('limit', String(limit));
    next.searchParams.set('start', String(start + limit));
    links.next = `${next.pathname.replace(/^\/wiki/, '')}${next.search}`;
  }
  return {
    items,
    envelope: (results) => ({ results, start, limit, size: results.length, _links: links }),
  };
}
