import type { Connection } from '../../domain/connection';
import type { DeliveryRecord } from '../../domain/delivery';
import type { PlannedDelivery } from '../../domain/delivery-plan';
import type { DestinationActivity } from '../../domain/destination-activity';
import type { DestinationActivityStore } from '../ports/delivery-flow';
import type { DeliverySnapshotStore } from '../ports/delivery-snapshot';
import type { ConnectionStore, DeliveryStore, RuleStore } from '../ports/stores';

/** The stores a delivery reads and writes; `snapshots` reads and writes them together. */
export interface SessionStores {
  deliveries: DeliveryStore;
  activity: DestinationActivityStore;
  connections: ConnectionStore;
  rules: Pick<RuleStore, 'getMany'>;
  /** Absent: the stores one by one (unit tests over fakes). */
  snapshots?: DeliverySnapshotStore;
}

/** The same reads and writes, one store call at a time. */
export const snapshotsOverStores = (stores: SessionStores): DeliverySnapshotStore => ({
  read: async ({ deliveryKey, destinationKey, accountIds, ruleIds }) => {
    const accounts = [...new Set(accountIds)];
    const [previous, activity, connections, rules] = await Promise.all([
      stores.deliveries.get(deliveryKey),
      stores.activity.get(destinationKey),
      Promise.all(
        accounts.map(async (accountId) => ({
          accountId,
          connection: await stores.connections.get(accountId),
        })),
      ),
      stores.rules.getMany(ruleIds),
    ]);
    return { previous, activity, connections, rules };
  },
  write: async ({ rows, activity }) => {
    for (const row of rows) await stores.deliveries.put(row);
    for (const a of activity) await stores.activity.put(a.destinationKey, a.activity);
  },
});

export interface DeliverySession<D> {
  /** `deps` whose stores answer from the snapshot and keep writes until `flush`. */
  deps: D;
  previous: DeliveryRecord | null;
  /** Writes what the delivery recorded, in one storage round trip. */
  flush(): Promise<void>;
}

/**
 * Reads what a delivery needs (its row, its destination's activity, its senders' connections
 * and rules) in one round trip, and hands the use case stores that answer from it; a key it did
 * not read goes to the store. Writes wait for `flush`, so a delivery costs one read, one write
 * and its owner's token (the token vault's secret) in storage calls.
 */
export const openDeliverySession = async <D extends SessionStores>(
  deps: D,
  delivery: PlannedDelivery,
): Promise<DeliverySession<D>> => {
  const store = deps.snapshots ?? snapshotsOverStores(deps);
  const ruleIds = delivery.senders.map((s) => s.ruleId);
  const snapshot = await store.read({
    deliveryKey: delivery.deliveryKey,
    destinationKey: delivery.concurrencyKey,
    accountIds: delivery.senders.map((s) => s.ownerAccountId),
    ruleIds,
  });
  const rows = new Map<string, DeliveryRecord>();
  const activities = new Map<string, DestinationActivity>();
  const connections = new Map<string, Connection | null>(
    snapshot.connections.map((c) => [c.accountId, c.connection]),
  );
  const rules = new Map(snapshot.rules.map((r) => [r.id, r]));
  const read = new Set(ruleIds);
  const session: D = {
    ...deps,
    deliveries: {
      ...deps.deliveries,
      get: async (key) =>
        rows.get(key) ?? (key === delivery.deliveryKey ? snapshot.previous : deps.deliveries.get(key)),
      put: (record) => {
        rows.set(record.key, record);
        return Promise.resolve();
      },
    },
    activity: {
      get: async (key) =>
        activities.get(key) ?? (key === delivery.concurrencyKey ? snapshot.activity : deps.activity.get(key)),
      put: (key, activity) => {
        activities.set(key, activity);
        return Promise.resolve();
      },
    },
    connections: {
      ...deps.connections,
      get: async (id) => (connections.has(id) ? (connections.get(id) ?? null) : deps.connections.get(id)),
      put: async (connection) => {
        connections.delete(connection.accountId);
        await deps.connections.put(connection);
      },
    },
    rules: {
      ...deps.rules,
      getMany: async (ids) =>
        ids.every((id) => read.has(id)) ? ids.flatMap((id) => rules.get(id) ?? []) : deps.rules.getMany(ids),
    },
  };
  return {
    deps: session,
    previous: snapshot.previous,
    flush: async () => {
      if (rows.size === 0 && activities.size === 0) return;
      await store.write({
        rows: [...rows.values()],
        activity: [...activities].map(([destinationKey, activity]) => ({ destinationKey, activity })),
      });
    },
  };
};
