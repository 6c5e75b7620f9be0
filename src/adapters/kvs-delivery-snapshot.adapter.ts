import kvs, { type SetOptions } from '@forge/kvs';
import type { DeliverySnapshotStore } from '../application/ports/delivery-snapshot';
import type { Connection } from '../domain/connection';
import type { DeliveryRecord } from '../domain/delivery';
import type { DestinationActivity } from '../domain/destination-activity';
import { upgradeRule, type Rule } from '../domain/rule';
import { DELIVERY_TTL, deliveryEntityOf, deliveryRowKey } from './kvs-delivery-store.adapter';
import { ACTIVITY_TTL, activityKey } from './kvs-destination-activity.adapter';
import { ENTITY } from './kvs-keys';

/** Forge takes at most 25 keys per batch operation. */
const BATCH_KEYS = 25;

type Item = { key: string; entityName?: string };

const inBatches = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / BATCH_KEYS) }, (_, i) =>
    items.slice(i * BATCH_KEYS, (i + 1) * BATCH_KEYS),
  );

const idOf = (item: Item) => `${item.entityName ?? ''}\u0000${item.key}`;

/**
 * One `batchGet` (a delivery rarely names more than 20 rules: more go side by side) and one
 * `batchSet`, over the same keys and values the single-record adapters use. A key Forge reports
 * missing is absent; any other failure is thrown, so the queue retries rather than taking a row
 * or a rule for absent (invariant 4).
 * @see https://developer.atlassian.com/platform/forge/storage-reference/kvs-batch/
 */
export const kvsDeliverySnapshotStore: DeliverySnapshotStore = {
  read: async (request) => {
    const row: Item = { key: deliveryRowKey(request.deliveryKey), entityName: ENTITY.delivery };
    const activity: Item = { key: activityKey(request.destinationKey) };
    const accounts = [...new Set(request.accountIds)];
    const ruleIds = [...new Set(request.ruleIds)];
    const items: Item[] = [
      row,
      activity,
      ...accounts.map((key) => ({ key, entityName: ENTITY.connection })),
      ...ruleIds.map((key) => ({ key, entityName: ENTITY.rule })),
    ];
    const answers = await Promise.all(inBatches(items).map((batch) => kvs.batchGet<unknown>(batch)));
    const failure = answers.flatMap((a) => a.failedKeys).find((f) => f.error.code !== 'KEY_NOT_FOUND');
    if (failure) throw new Error(`Forge storage could not read a delivery's records: ${failure.error.code}`);
    const found = new Map(answers.flatMap((a) => a.successfulKeys).map((f) => [idOf(f), f.value]));
    const dataOf = <T>(item: Item): T | null =>
      (found.get(idOf(item)) as { data?: T } | undefined)?.data ?? null;
    return {
      previous: dataOf<DeliveryRecord>(row),
      activity: (found.get(idOf(activity)) as DestinationActivity | undefined) ?? null,
      connections: accounts.map((accountId) => ({
        accountId,
        connection: dataOf<Connection>({ key: accountId, entityName: ENTITY.connection }),
      })),
      rules: ruleIds.flatMap((key) => {
        const rule = dataOf<Rule>({ key, entityName: ENTITY.rule });
        return rule ? [upgradeRule(rule)] : [];
      }),
    };
  },
  write: async ({ rows, activity }) => {
    const items: Array<{ key: string; entityName?: string; value: unknown; options: SetOptions }> = [
      ...rows.map((record) => ({
        key: deliveryRowKey(record.key),
        entityName: ENTITY.delivery,
        value: deliveryEntityOf(record),
        options: { ttl: DELIVERY_TTL },
      })),
      ...activity.map((a) => ({
        key: activityKey(a.destinationKey),
        value: a.activity,
        options: { ttl: ACTIVITY_TTL },
      })),
    ];
    if (items.length === 0) return;
    const answers = await Promise.all(inBatches(items).map((batch) => kvs.batchSet(batch)));
    const failure = answers.flatMap((a) => a.failedKeys)[0];
    if (failure) throw new Error(`Forge storage could not write a delivery's records: ${failure.error.code}`);
  },
};
