import kvs, { Sort, WhereConditions } from '@forge/kvs';
import type { DeliveryQuery, DeliveryStore } from '../application/ports/stores';
import type { DeliveryRecord } from '../domain/delivery';
import { ENTITY, hashKeyPart, INDEX } from './kvs-keys';

export interface DeliveryEntity {
  ownerAccountId: string;
  status: string;
  updatedAt: number;
  data: DeliveryRecord;
}

/** Long enough for the delivery log and in-place card updates, short enough to stay small. */
export const DELIVERY_TTL = { value: 30, unit: 'DAYS' } as const;
/** Forge returns at most 100 rows per query page. */
const PAGE_SIZE = 100;

const deliveries = () => kvs.entity<DeliveryEntity>(ENTITY.delivery);

/** The row's key is a hash of the delivery key (which may hold a label). */
export const deliveryRowKey = (deliveryKey: string): string => hashKeyPart(deliveryKey);

/** The stored row: the record plus the attributes its indexes range and partition over. */
export const deliveryEntityOf = (record: DeliveryRecord): DeliveryEntity => ({
  ownerAccountId: record.ownerAccountId,
  status: record.status,
  updatedAt: record.updatedAt,
  data: record,
});

/**
 * Newest first through an index (both indexes range over `updatedAt`), following cursors until
 * `limit` rows match. The owner index has no status, so a status filter is applied while paging.
 */
const listNewest = async (indexName: string, partition: string, query: DeliveryQuery) => {
  const found: DeliveryRecord[] = [];
  let cursor: string | undefined;
  do {
    let page = deliveries()
      .query()
      .index(indexName, { partition: [partition] })
      .where(WhereConditions.greaterThanEqualTo(query.since ?? 0))
      .sort(Sort.DESC)
      .limit(PAGE_SIZE);
    if (cursor) page = page.cursor(cursor);
    const result = await page.getMany();
    for (const row of result.results) {
      if (!query.status || row.value.data.status === query.status) found.push(row.value.data);
    }
    cursor = result.nextCursor;
  } while (cursor && found.length < query.limit);
  return found.slice(0, query.limit);
};

export const kvsDeliveryStore: DeliveryStore = {
  // The row's key is a hash of the delivery key (which may hold a label); the delivery log and
  // deliveries/retry name a row by `data.key`, the delivery key itself.
  get: async (key) => (await deliveries().get(deliveryRowKey(key)))?.data ?? null,
  put: (record) =>
    deliveries().set(deliveryRowKey(record.key), deliveryEntityOf(record), { ttl: DELIVERY_TTL }),
  listByStatus: (query) => listNewest(INDEX.byStatus, query.status, query),
  listByOwner: (accountId, query) => listNewest(INDEX.byOwner, accountId, query),
};
