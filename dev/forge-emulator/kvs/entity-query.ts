import type { EmulatorCore } from '../core/emulator-core';
import type { EntityIndex } from '../manifest/manifest-model';
import {
  WHERE_CONDITIONS,
  checkCondition,
  compareValues,
  evaluateFilters,
  matches,
  parseFilters,
} from './conditions';
import { decodeCursor, encodeCursor, pageLimit } from './cursor';
import { resolveEntity } from './entity-schema';
import { badRequest } from './kvs-errors';
import type { StoredEntry } from './kvs-store';
import { valueBytes } from './kvs-validation';
import { toRecord } from './storage-target';

/** The body `kvs.entity(name).query().index(...)...getMany()` sends to /api/v1/entity/query (entity-query.js). */
interface EntityQueryRequest {
  entityName?: string;
  indexName?: string;
  partition?: unknown[];
  range?: unknown;
  filters?: unknown;
  sort?: string;
  cursor?: string;
  limit?: number;
  options?: { metadataFields?: string[] };
}

type Row = { key: string; entry: StoredEntry; range: unknown };
const MAX_CONDITIONS = 100;

function checkPartition(index: EntityIndex, partition: unknown): unknown[] {
  const values = partition ?? [];
  if (!Array.isArray(values) || values.length !== index.partition.length) {
    throw badRequest(
      'BAD_REQUEST',
      `Index '${index.name}' needs ${index.partition.length} partition value(s) (${index.partition.join(', ')}), in declared order.`,
    );
  }
  return values;
}

const compareRows = (a: { range: unknown; key: string }, b: { range: unknown; key: string }): number =>
  compareValues(a.range, b.range) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/**
 * Runs an index query: partition match, range condition, order, page, then the in-memory filters.
 * The page is cut before filtering, so a page can come back short or empty with a cursor to the next
 * one (storage-reference/entities-api-query, "filters").
 */
export function queryEntity(
  core: EmulatorCore,
  body: EntityQueryRequest,
): { data: unknown[]; cursor?: string } {
  const entity = resolveEntity(core.manifest.entities, body.entityName);
  const index = entity.indexes.get(String(body.indexName));
  if (!index) {
    throw badRequest(
      'INVALID_ENTITY_INDEX',
      `Entity '${entity.name}' has no index '${String(body.indexName)}'.`,
    );
  }
  const limit = pageLimit(body.limit, 'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE');
  const partition = checkPartition(index, body.partition);
  const range = body.range === undefined ? undefined : checkCondition(body.range, WHERE_CONDITIONS);
  const filters = parseFilters(body.filters, entity);
  if ((range ? 1 : 0) + (filters?.items.length ?? 0) > MAX_CONDITIONS) {
    throw badRequest('BAD_REQUEST', `A query can have at most ${MAX_CONDITIONS} conditions.`);
  }
  if (body.sort !== undefined && body.sort !== 'ASC' && body.sort !== 'DESC') {
    throw badRequest('BAD_REQUEST', `Unknown sort '${String(body.sort)}'.`);
  }
  const direction = body.sort === 'DESC' ? -1 : 1;
  const partitionOf = (value: unknown) => {
    const values = index.partition.map((name) => (value as Record<string, unknown>)[name]);
    return values.some((v) => v === undefined) ? undefined : JSON.stringify(values);
  };
  const rows: Row[] = core.kvs
    // A query touches its partition, not the whole entity.
    .inPartition(`entity:${entity.name}`, index.name, partitionOf, JSON.stringify(partition))
    .map(([key, entry]) => {
      const value = entry.value as Record<string, unknown>;
      return { key, entry, range: index.range === 'key' ? key : value[index.range] };
    })
    // Only values carrying every index attribute are in the index.
    .filter((row) => row.range !== undefined && (!range || matches(row.range, range)))
    .sort((a, b) => direction * compareRows(a, b));
  const position = decodeCursor<{ range: unknown; key: string }>(body.cursor);
  const remaining = position ? rows.filter((row) => direction * compareRows(row, position) > 0) : rows;
  const page = remaining.slice(0, limit);
  const results = filters
    ? page.filter((row) => evaluateFilters(row.entry.value as Record<string, unknown>, filters))
    : page;
  results.forEach((row) => core.stats.kvsBytes(valueBytes(row.entry.value), 0));
  const last = page[page.length - 1];
  return {
    data: results.map((row) => toRecord(row.key, row.entry, body.options?.metadataFields)),
    ...(remaining.length > limit && last
      ? { cursor: encodeCursor({ range: last.range, key: last.key }) }
      : {}),
  };
}
