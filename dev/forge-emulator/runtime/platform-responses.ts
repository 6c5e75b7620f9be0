import { STATUS_CODES } from 'node:http';

/** Responses the emulated platform services send back to the SDKs through `__forge_fetch__`. */

export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    statusText: STATUS_CODES[status] ?? '',
    headers: { 'content-type': 'application/json', ...headers },
  });
}

export function emptyResponse(status = 204): Response {
  return new Response(null, { status });
}

/**
 * A refusal by the Forge proxy itself: `@forge/api` turns the `forge-proxy-error` header into
 * `NeedsAuthenticationError` (NEEDS_AUTHENTICATION_ERR) or `ProxyRequestError` (fetch.js handleProxyResponseErrors).
 */
export function proxyErrorResponse(status: number, code: string, message = code): Response {
  return new Response(JSON.stringify({ code, message }), {
    status,
    statusText: STATUS_CODES[status] ?? '',
    headers: { 'content-type': 'application/json', 'forge-proxy-error': code },
  });
}

/** The request body the SDKs send (they always send JSON strings to platform services). */
export function bodyText(init: RequestInit | undefined): string {
  const body = init?.body;
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return Buffer.from(body).toString('utf8');
  if (body instanceof ArrayBuffer) return Buffer.from(body).toString('utf8');
  return '';
}
