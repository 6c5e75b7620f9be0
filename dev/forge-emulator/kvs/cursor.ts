import { badRequest } from './kvs-errors';

/** Cursors are opaque to apps (and not stable across deployments); here they carry the last position. */
export function encodeCursor(position: unknown): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor<T>(cursor: unknown): T | undefined {
  if (cursor === undefined || cursor === null || cursor === '') return undefined;
  if (typeof cursor !== 'string') throw badRequest('INVALID_CURSOR', 'The provided cursor is invalid.');
  try {
    return JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as T;
  } catch {
    throw badRequest('INVALID_CURSOR', 'The provided cursor is invalid.');
  }
}

/** Page size: 10 by default, at most 100 (storage-reference/kvs-api-query, "query.limit"). */
export function pageLimit(raw: unknown, errorCode: string): number {
  if (raw === undefined || raw === null) return 10;
  if (!Number.isInteger(raw) || (raw as number) < 1 || (raw as number) > 100) {
    throw badRequest(errorCode, 'The page limit must be set between 1 and 100.');
  }
  return raw as number;
}
