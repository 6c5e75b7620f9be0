import type { SimContext } from '../sim-context';
import { faultResponse } from './fault-response';
import { executeGraphRequest, GRAPH_VERSION } from './graph-dispatch';
import { graphError } from './graph-error';
import { graphOk, type GraphRequest, type GraphResponse } from './graph-request';

/** Graph takes at most 20 requests in one batch. */
export const MAX_BATCH_REQUESTS = 20;
const METHODS = ['GET', 'POST', 'PATCH', 'PUT', 'DELETE'];

interface BatchItem {
  id: string;
  method: string;
  url: string;
  headers: Record<string, string>;
  body: string;
  dependsOn: string[];
}

/**
 * `POST /$batch`: each inner request runs as a request of its own (token, permission,
 * throttling and injected 429/503 faults apply one by one); `dependsOn` runs in order and a failed
 * dependency answers 424. Malformed batches are refused whole with 400.
 * @see https://learn.microsoft.com/graph/json-batching
 */
export async function executeBatch(ctx: SimContext, outer: GraphRequest): Promise<GraphResponse> {
  const items = parseBatch(outer.body);
  if (typeof items === 'string') return graphError(ctx.clock(), outer, 400, 'BadRequest', items);
  const statusById = new Map<string, number>();
  const responses: unknown[] = [];
  for (const item of items) {
    const inner: GraphRequest = {
      method: item.method,
      path: `/${GRAPH_VERSION}${item.url.split('?')[0]}`,
      query: new URLSearchParams(item.url.includes('?') ? item.url.slice(item.url.indexOf('?') + 1) : ''),
      headers: {
        ...item.headers,
        ...(outer.headers.authorization ? { authorization: outer.headers.authorization } : {}),
      },
      body: item.body,
    };
    const failedDependency = item.dependsOn.find((d) => (statusById.get(d) ?? 0) >= 400);
    const fault = failedDependency ? null : ctx.faults.drawError();
    const answer = failedDependency
      ? graphError(
          ctx.clock(),
          inner,
          424,
          'FailedDependency',
          `Request ${failedDependency}, which this one depends on, failed.`,
        )
      : fault
        ? faultResponse(ctx, inner, fault)
        : await executeGraphRequest(ctx, inner);
    statusById.set(item.id, answer.status);
    responses.push({
      id: item.id,
      status: answer.status,
      headers: answer.headers,
      ...(answer.body === undefined ? {} : { body: answer.body }),
    });
  }
  return graphOk(200, { responses });
}

/** The batch's requests, or the reason it is refused. */
function parseBatch(raw: string): BatchItem[] | string {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return 'Invalid batch payload format: the body is not JSON.';
  }
  const requests = (json as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests))
    return 'Invalid batch payload format: expected an object with a "requests" array.';
  if (requests.length === 0) return 'A batch needs at least one request.';
  if (requests.length > MAX_BATCH_REQUESTS) {
    return `Number of requests in the batch (${requests.length}) exceeds the limit of ${MAX_BATCH_REQUESTS}.`;
  }
  const items: BatchItem[] = [];
  for (const [index, entry] of requests.entries()) {
    const r = (entry ?? {}) as Record<string, unknown>;
    if (typeof r.id !== 'string' || r.id === '') return `Request ${index} needs a string id.`;
    if (items.some((i) => i.id === r.id))
      return `Request id '${r.id}' is used more than once; ids must be unique.`;
    const method = typeof r.method === 'string' ? r.method.toUpperCase() : '';
    if (!METHODS.includes(method)) return `Request '${r.id}' has an invalid method '${String(r.method)}'.`;
    if (typeof r.url !== 'string' || r.url === '') return `Request '${r.id}' needs a url.`;
    if (/^[a-z][a-z0-9+.-]*:/i.test(r.url))
      return `Request '${r.id}': batch request URLs must be relative, like '/me'.`;
    const url = r.url.startsWith('/') ? r.url : `/${r.url}`;
    if (/^\/\$batch\b/i.test(url)) return `Request '${r.id}': a batch cannot contain another batch.`;
    const headers = Object.fromEntries(
      Object.entries((r.headers ?? {}) as Record<string, unknown>).map(([k, v]) => [
        k.toLowerCase(),
        String(v),
      ]),
    );
    const hasBody = r.body !== undefined && r.body !== null;
    if (hasBody && !headers['content-type'])
      return `Request '${r.id}' has a body but no Content-Type header.`;
    const dependsOn = Array.isArray(r.dependsOn) ? r.dependsOn.map(String) : [];
    const unknown = dependsOn.find((d) => !items.some((i) => i.id === d));
    if (unknown)
      return `Request '${r.id}' depends on '${unknown}', which is not an earlier request of the batch.`;
    const body = !hasBody ? '' : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
    items.push({ id: r.id, method, url, headers, body, dependsOn });
  }
  return items;
}
