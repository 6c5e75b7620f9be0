import type { EmulatorCore } from '../core/emulator-core';
import { decodeCursor, encodeCursor, pageLimit } from './cursor';
import { badRequest } from './kvs-errors';
import { valueBytes } from './kvs-validation';
import { toRecord } from './storage-target';

/** The body `kvs.query()...getMany()` sends to /api/v1/query (query.js). */
interface KeyQueryRequest {
  limit?: number;
  after?: string;
  where?: Array<{ property?: string; condition?: string; values?: unknown[] }>;
  options?: { metadataFields?: string[] };
}

/** Reads the single `where('key', beginsWith(prefix))` clause KVS queries allow (handling-errors-kvs). */
function prefixOf(where: KeyQueryRequest['where']): string {
  if (!where || where.length === 0) return '';
  if (where.length > 1)
    throw badRequest('QUERY_WHERE_INVALID', 'KVS queries should contain only a single "where" clause.');
  const [clause] = where;
  if (clause.property !== 'key') {
    throw badRequest('QUERY_WHERE_FIELD_INVALID', 'The specified field is not supported for filters.');
  }
  if (clause.condition !== 'BEGINS_WITH') {
    throw badRequest('INVALID_FILTER_CONDITION', 'The specified condition is not supported for filters.');
  }
  if (!Array.isArray(clause.values) || clause.values.length !== 1) {
    throw badRequest(
      'INVALID_FILTER_VALUES',
      'The specified number of values are not supported by the given condition.',
    );
  }
  return String(clause.values[0]);
}

/** Lists plain keys in key order; secrets and entities live in other spaces and never show up. */
export function queryKeys(core: EmulatorCore, body: KeyQueryRequest): { data: unknown[]; cursor?: string } {
  const limit = pageLimit(body.limit, 'LIST_QUERY_LIMIT_EXCEEDED');
  const prefix = prefixOf(body.where);
  const after = decodeCursor<{ key: string }>(body.after)?.key;
  const matching = core.kvs
    .entries('kvs')
    .filter(([key]) => key.startsWith(prefix) && (after === undefined || key > after));
  const page = matching.slice(0, limit);
  page.forEach(([, entry]) => core.stats.kvsBytes(valueBytes(entry.value), 0));
  const last = page[page.length - 1];
  return {
    data: page.map(([key, entry]) => toRecord(key, entry, body.options?.metadataFields)),
    ...(matching.length > limit && last ? { cursor: encodeCursor({ key: last[0] }) } : {}),
  };
}
