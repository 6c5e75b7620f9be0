import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { sendJson } from '../http/respond';

/**
 * An error of the Microsoft identity platform: OAuth 2.0 `error` plus an AADSTS code.
 * The numbers follow Microsoft's published list where one fits; apps must not depend on them
 * (Microsoft says the same of its own).
 * @see https://learn.microsoft.com/entra/identity-platform/reference-error-codes
 */
export class EntraError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    readonly code: number,
    readonly detail: string,
  ) {
    super(`AADSTS${code}: ${detail}`);
  }
}

/** `2016-01-09 02:02:12Z`, the timestamp format of Entra's error bodies. */
const entraTimestamp = (ms: number): string =>
  new Date(ms)
    .toISOString()
    .replace('T', ' ')
    .replace(/\.\d+Z$/, 'Z');

/** The JSON error body of the token endpoint, with trace and correlation ids as Entra sends them. */
export function entraErrorBody(e: EntraError, now: number): Record<string, unknown> {
  const traceId = randomUUID();
  const correlationId = randomUUID();
  const timestamp = entraTimestamp(now);
  return {
    error: e.error,
    error_description: `${e.message}\r\nTrace ID: ${traceId}\r\nCorrelation ID: ${correlationId}\r\nTimestamp: ${timestamp}`,
    error_codes: [e.code],
    timestamp,
    trace_id: traceId,
    correlation_id: correlationId,
    error_uri: `https://login.microsoftonline.com/error?code=${e.code}`,
  };
}

export function sendEntraError(res: ServerResponse, e: EntraError, now: number): void {
  sendJson(res, e.status, entraErrorBody(e, now), { Pragma: 'no-cache' });
}

/** AADSTS900144: a required parameter is missing. */
export const missingParameter = (name: string): EntraError =>
  new EntraError(
    400,
    'invalid_request',
    900144,
    `The request body must contain the following parameter: '${name}'.`,
  );
