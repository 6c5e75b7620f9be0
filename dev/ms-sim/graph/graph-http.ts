import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SimContext } from '../sim-context';
import { executeBatch } from './batch';
import { faultResponse } from './fault-response';
import { executeGraphRequest, resourceSegments } from './graph-dispatch';
import { graphError } from './graph-error';
import type { GraphRequest, GraphResponse } from './graph-request';

/**
 * Everything after `https://graph.microsoft.com`, served under `/graph`. Injected latency and
 * faults come first: a dropped request gets no answer at all (the socket is destroyed). A `$batch`
 * can be dropped as a whole, but 429/503 faults are drawn for each of its inner requests, as
 * Graph throttles them one by one.
 */
export async function handleGraph(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  path: string,
  rawBody: string,
): Promise<void> {
  const latency = ctx.faults.get().latencyMs;
  if (latency > 0) await sleep(latency);
  if (ctx.faults.drawDrop()) {
    req.socket.destroy();
    return;
  }
  const request: GraphRequest = {
    method: (req.method ?? 'GET').toUpperCase(),
    path,
    query: url.searchParams,
    headers: singleValued(req.headers),
    body: rawBody,
  };
  const isBatch = resourceSegments(path)?.join('/') === '$batch';
  const fault = isBatch ? null : ctx.faults.drawError();
  let answer: GraphResponse;
  if (fault) answer = faultResponse(ctx, request, fault);
  else if (!isBatch) answer = await executeGraphRequest(ctx, request);
  else if (request.method === 'POST') answer = await executeBatch(ctx, request);
  else answer = graphError(ctx.clock(), request, 405, 'MethodNotAllowed', '$batch accepts POST only.');
  writeGraphResponse(res, request, answer);
}

function writeGraphResponse(res: ServerResponse, req: GraphRequest, answer: GraphResponse): void {
  const requestId = answer.headers['request-id'] ?? randomUUID();
  res.writeHead(answer.status, {
    'Cache-Control': 'no-store',
    'request-id': requestId,
    'client-request-id': req.headers['client-request-id'] ?? requestId,
    ...answer.headers,
  });
  res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
}

function singleValued(headers: IncomingMessage['headers']): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
