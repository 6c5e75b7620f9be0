import kvs from '@forge/kvs';
import type { DeliveryStore } from '../application/ports/stores';
import type { DeliveryRecord } from '../domain/delivery';
import { ENTITY, safeKeyPart } from './kvs-keys';

interface DeliveryEntity {
  ownerAccountId: string;
  status: string;
  updatedAt: number;
  data: DeliveryRecord;
}

/** Long enough for the delivery log and in-place card updates, short enough to stay small. */
const DELIVERY_TTL = { value: 30, unit: 'DAYS' } as const;

const deliveries = () => kvs.entity<DeliveryEntity>(ENTITY.delivery);

export const kvsDeliveryStore: DeliveryStore = {
  get: async (key) => (await deliveries().get(safeKeyPart(key)))?.data ?? null,
  put: (record) =>
    deliveries().set(
      safeKeyPart(record.key),
      {
        ownerAccountId: record.ownerAccountId,
        status: record.status,
        updatedAt: record.updatedAt,
        data: record,
      },
      { ttl: DELIVERY_TTL },
    ),
};
