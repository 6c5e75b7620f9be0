import type { IncomingHttpHeaders } from 'node:http';

/** Fields that hold secrets in OAuth forms and JSON bodies; their values never reach the record. */
const SECRET_FIELDS = new Set([
  'client_secret',
  'client_assertion',
  'code',
  'code_verifier',
  'refresh_token',
  'access_token',
  'id_token',
  'assertion',
  'password',
]);
const DROPPED_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);
const SECRET_HEADER = /secret|token|password|api-key/i;
export const REDACTED = '[redacted]';
const MAX_TEXT = 10_000;

/** Request headers without credentials: Authorization and cookies are left out, other secrets masked. */
export function redactHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || DROPPED_HEADERS.has(name.toLowerCase())) continue;
    out[name] = SECRET_HEADER.test(name) ? REDACTED : Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}

/** The URL with secret query parameters masked (a client may wrongly send a secret in the query). */
export function redactUrl(url: string): string {
  const question = url.indexOf('?');
  if (question < 0) return url;
  const params = new URLSearchParams(url.slice(question + 1));
  for (const key of [...params.keys()]) if (SECRET_FIELDS.has(key)) params.set(key, REDACTED);
  return `${url.slice(0, question)}?${params.toString()}`;
}

/** The body as data: forms and JSON with secret fields masked, other text as is (shortened). */
export function redactBody(raw: string, contentType: string | undefined): unknown {
  if (raw === '') return null;
  const type = (contentType ?? '').toLowerCase();
  if (type.startsWith('application/x-www-form-urlencoded')) {
    const fields: Record<string, string> = {};
    for (const [key, value] of new URLSearchParams(raw))
      fields[key] = SECRET_FIELDS.has(key) ? REDACTED : value;
    return fields;
  }
  try {
    return redactJson(JSON.parse(raw));
  } catch {
    return raw.length > MAX_TEXT ? `${raw.slice(0, MAX_TEXT)}…` : raw;
  }
}

function redactJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redactJson);
  if (!value || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k, SECRET_FIELDS.has(k) ? REDACTED : redactJson(v)]),
  );
}
