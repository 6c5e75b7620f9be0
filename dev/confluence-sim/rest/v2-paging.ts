import type { RestRequest } from './rest-handler';

/**
 * Cursor paging as v2 lists do it: `limit` (default 25, at most 250) and an opaque `cursor`; the next
 * page's relative URL is in `_links.next` and in the `Link` header real Confluence sends.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v2/intro/#using-pagination
 */
export function v2Page<T>(
  req: RestRequest,
  items: T[],
  render: (item: T) => unknown,
): Record<string, unknown> {
  const limit = Math.min(Math.max(Number(req.query.get('limit') ?? 25) || 25, 1), 250);
  const cursor = req.query.get('cursor');
  const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8')) || 0 : 0;
  const slice = items.slice(start, start + limit);
  const links: Record<string, string> = { base: req.baseUrl };
  if (start + limit < items.length) {
    const next = new URL(req.path, 'http://placeholder');
    next.searchParams.set('cursor', Buffer.from(String(start + limit)).toString('base64url'));
    next.searchParams.set('limit', String(limit));
    links.next = `${next.pathname}${next.search}`;
  }
  return { results: slice.map(render), _links: links };
}
