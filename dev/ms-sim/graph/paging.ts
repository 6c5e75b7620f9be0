import { GRAPH_RESOURCE } from '../tokens/scopes';
import { graphError } from './graph-error';
import { graphOk, type GraphRequest, type GraphResponse } from './graph-request';

/** How a collection pages. */
export interface PageRules {
  /** Page size without `$top`. */
  defaultTop: number;
  /** Largest `$top` Graph accepts here (`/me/chats` and message lists: 50). */
  maxTop: number;
  /** The `@odata.context` of the collection. */
  context: string;
}

/**
 * One page of a collection with an `@odata.nextLink` on the real origin while more remain; the
 * link carries an opaque `$skiptoken`, and clients follow it unchanged.
 * @see https://learn.microsoft.com/graph/paging
 */
export function pageOf<T>(
  now: number,
  req: GraphRequest,
  items: readonly T[],
  rules: PageRules,
): GraphResponse {
  const rawTop = req.query.get('$top');
  const top = rawTop === null ? rules.defaultTop : Number(rawTop);
  if (!Number.isInteger(top) || top < 1 || top > rules.maxTop) {
    return graphError(
      now,
      req,
      400,
      'BadRequest',
      `Invalid page size specified: '${rawTop}'. Must be between 1 and ${rules.maxTop}.`,
    );
  }
  const skipToken = req.query.get('$skiptoken');
  const offset = skipToken === null ? 0 : decodeSkipToken(skipToken);
  if (offset === null) return graphError(now, req, 400, 'BadRequest', 'The $skiptoken is not valid.');

  const body: Record<string, unknown> = { '@odata.context': rules.context };
  body.value = items.slice(offset, offset + top);
  if (offset + top < items.length) body['@odata.nextLink'] = nextLink(req, top, offset + top);
  return graphOk(200, body);
}

function nextLink(req: GraphRequest, top: number, offset: number): string {
  const keep = [...req.query.entries()].filter(([k]) => k !== '$top' && k !== '$skiptoken');
  const params = [...keep, ['$top', String(top)], ['$skiptoken', encodeSkipToken(offset)]];
  // Graph writes `$` literally in its links; only the values are encoded.
  const query = params.map(([k, v]) => `${k}=${encodeURIComponent(v ?? '')}`).join('&');
  return `${GRAPH_RESOURCE}${req.path}?${query}`;
}

const encodeSkipToken = (offset: number): string =>
  Buffer.from(JSON.stringify({ o: offset })).toString('base64url');

function decodeSkipToken(token: string): number | null {
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown };
    return typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0 ? parsed.o : null;
  } catch {
    return null;
  }
}
