import { badRequest } from './kvs-errors';

/** Key and value limits from limits-kvs-ce ("Key and object size limits") and kvs-api-secret. */
export const MAX_KEY_LENGTH = 500;
export const MAX_VALUE_BYTES = 240 * 1024;
export const MAX_SECRET_BYTES = 128 * 1024;
const MAX_DEPTH = 31;
const MAX_TTL_MS = 365 * 24 * 3600 * 1000;
const KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s\-#]+$/;
const TTL_UNITS: Record<string, number> = {
  SECONDS: 1000,
  MINUTES: 60_000,
  HOURS: 3_600_000,
  DAYS: 86_400_000,
};

/** Checks a key as the service does; KVS says KEY_TOO_SHORT for an empty key, entities say EMPTY_KEY. */
export function validateKey(key: unknown, flavour: 'kvs' | 'entity'): string {
  if (typeof key !== 'string')
    throw badRequest('BAD_REQUEST', 'Provided request body is invalid: key must be a string');
  if (key.length === 0) {
    throw flavour === 'kvs'
      ? badRequest('KEY_TOO_SHORT', 'The provided key needs to be more than one character.')
      : badRequest('EMPTY_KEY', 'Key cannot be empty.');
  }
  if (key.length > MAX_KEY_LENGTH) {
    throw badRequest(
      'KEY_TOO_LONG',
      `The provided key has exceeded the maximum ${MAX_KEY_LENGTH} characters.`,
    );
  }
  if (!KEY_PATTERN.test(key)) {
    throw badRequest(
      'INVALID_KEY',
      'The provided key does not match the regex: /^(?!\\s+$)[a-zA-Z0-9:._\\s-#]+$/',
    );
  }
  return key;
}

function depthOf(value: unknown): number {
  if (value === null || typeof value !== 'object') return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + children.reduce<number>((max, child) => Math.max(max, depthOf(child)), 0);
}

export const valueBytes = (value: unknown): number => Buffer.byteLength(JSON.stringify(value) ?? '');

/** Checks presence, depth and size of a value to be stored. */
export function validateValue(value: unknown, maxBytes: number): void {
  if (value === undefined)
    throw badRequest('BAD_REQUEST', 'Provided request body is invalid: value is required');
  if (depthOf(value) > MAX_DEPTH) {
    throw badRequest(
      'MAX_DEPTH',
      `The provided value has exceeded the maximum object depth (${MAX_DEPTH + 1}) limit.`,
    );
  }
  if (valueBytes(value) > maxBytes) {
    throw badRequest(
      'MAX_SIZE',
      `The provided value has exceeded the maximum size limit of ${maxBytes} bytes.`,
    );
  }
}

/** Turns `{ ttl: { value, unit } }` into an absolute expiry (max 1 year, storage-reference/kvs-api "TTL"). */
export function expiryFrom(ttl: unknown, now: number): number | undefined {
  if (ttl === undefined || ttl === null) return undefined;
  const { value, unit } = ttl as { value?: unknown; unit?: unknown };
  const factor = typeof unit === 'string' ? TTL_UNITS[unit] : undefined;
  if (!factor || typeof value !== 'number' || !(value > 0)) {
    throw badRequest(
      'BAD_REQUEST',
      'Provided request body is invalid: ttl needs a positive value and a unit',
    );
  }
  if (value * factor > MAX_TTL_MS) throw badRequest('BAD_REQUEST', 'The maximum supported TTL is 1 year.');
  return now + value * factor;
}
