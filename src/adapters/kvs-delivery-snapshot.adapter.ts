import kvs, { type SetOptions } from '@forge/kvs';
import type { DeliverySnapshotStore } from '../application/ports/delivery-snapshot';
import type { Connection } from '../domain/connection';
import type { DeliveryRecord } from '../domain/delivery';
import type { DestinationActivity } from '../domain/destination-activity';
import { upgradeRule, type Rule } from '../domain/rule';
import { DELIVERY_TTL, deliveryEntityOf, deliveryRowKey } from './kvs-delivery-store.adapter';
import { ACTIVITY_TTL, activityKey } from './kvs-destination-activity.adapter';
import { batchGetAll, inBatches, type BatchKey } from './kvs-batch';
import { ENTITY } from './kvs-keys';

/**
 * One `batchGet` (a delivery rarely names more than 20 rules: more go side by side) and one
 * `batchSet`, over the same keys and values the single-record adapters use. A key Forge reports
 * missing is absent; any other failure is thrown, so the queue retries rather than taking a row
 * or a rule for absent (invariant 4).
 * @see https://developer.atlassian.com/platform/forge/storage-reference/kvs-batch/
 */
export const kvsDeliverySnapshotStore: DeliverySnapshotStore = {
  read: async (request) => {
    const row: BatchKey = { key: deliveryRowKey(request.deliveryKey), entityName: ENTITY.delivery };
    const activity: BatchKey = { key: activityKey(request.destinationKey) };
    const accounts = [...new Set(request.accountIds)];
    const ruleIds = [...new Set(request.ruleIds)];
    const items: BatchKey[] = [
      row,
      activity,
      ...accounts.map((key) => ({ key, entityName: ENTITY.connection })),
      ...ruleIds.map((key) => ({ key, entityName: ENTITY.rule })),
    ];
    const { valueOf } = await batchGetAll(items);
    const dataOf = <T>(item: BatchKey): T | null => (valueOf(item) as { data?: T } | undefined)?.data ?? null;
    return {
      previous: dataOf<DeliveryRecord>(row),
      activity: (valueOf(activity) as DestinationActivity | undefined) ?? null,
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
