import { randomUUID } from 'node:crypto';
import { ODATA_JSON, type GraphRequest, type GraphResponse } from './graph-request';

/**
 * Graph's JSON error: `{ error: { code, message, innerError: { date, request-id, client-request-id } } }`.
 * @see https://learn.microsoft.com/graph/errors
 */
export function graphError(
  now: number,
  req: Pick<GraphRequest, 'headers'> | null,
  status: number,
  code: string,
  message: string,
  headers: Record<string, string> = {},
): GraphResponse {
  const requestId = randomUUID();
  const clientRequestId = req?.headers['client-request-id'] ?? requestId;
  return {
    status,
    headers: {
      'Content-Type': ODATA_JSON,
      'request-id': requestId,
      'client-request-id': clientRequestId,
      ...headers,
    },
    body: {
      error: {
        code,
        message,
        innerError: {
          date: new Date(now).toISOString().slice(0, 19),
          'request-id': requestId,
          'client-request-id': clientRequestId,
        },
      },
    },
  };
}

/** Graph answers throttling with 429, `Retry-After` in seconds and code `TooManyRequests`. */
export function tooManyRequests(
  now: number,
  req: GraphRequest | null,
  retryAfterSeconds: number,
  detail: string,
): GraphResponse {
  return graphError(now, req, 429, 'TooManyRequests', `Too many requests. ${detail}`.trim(), {
    'Retry-After': String(retryAfterSeconds),
  });
}
