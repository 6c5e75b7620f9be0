import { eventDedupKey } from '../../domain/content-event';
import type { Connection } from '../../domain/connection';
import type { DeliveryRecord } from '../../domain/delivery';
import type { PlannedDelivery } from '../../domain/delivery-plan';
import type { DestinationActivity } from '../../domain/destination-activity';
import type { PersonalDigest } from '../../domain/personal-hold';
import type { DeliverySnapshot, DeliverySnapshotRequest } from '../ports/delivery-snapshot';
import type { AccessTokenCopy } from '../ports/stores';
import { snapshotsOverStores, type SessionStores } from './delivery-snapshot-over-stores';

export { snapshotsOverStores, type SessionStores } from './delivery-snapshot-over-stores';

export interface DeliverySession<D> {
  /** `deps` whose stores answer from the snapshot and keep writes until `flush`. */
  deps: D;
  previous: DeliveryRecord | null;
  /** Writes what the delivery recorded, in one storage round trip. */
  flush(): Promise<void>;
}

/**
 * Everything the delivery may read, named before it starts: its row and destination activity,
 * the tenant mapping, its senders' connections, rules and access tokens, and for a card that
 * may @mention its author, the author's connection and imported mapping. A personal delivery
 * adds its recipient's preferences, held cards and conversation, and the bot's token.
 */
const requestFor = (deps: SessionStores, delivery: PlannedDelivery): DeliverySnapshotRequest => {
  const owners = delivery.senders.map((s) => s.ownerAccountId);
  const ruleIds = delivery.senders.map((s) => s.ruleId);
  const base = {
    deliveryKey: delivery.deliveryKey,
    destinationKey: delivery.concurrencyKey,
    contentId: delivery.event.contentId,
    ruleIds,
  };
  if (delivery.destination.type === 'personal') {
    const [recipient = ''] = owners;
    const microsoftUser = delivery.recipientMicrosoftUser;
    return { ...base, accountIds: [recipient], personal: { accountId: recipient, microsoftUser } };
  }
  const author = delivery.event.actorAccountId;
  const mentionsAuthor =
    author !== null &&
    deps.mentionSources !== undefined &&
    delivery.senders.some((s) => s.mentions !== false);
  return {
    ...base,
    accountIds: mentionsAuthor ? [...owners, author] : owners,
    tokenAccountIds: owners,
    mappedAccountIds: mentionsAuthor ? [author] : [],
  };
};

/** What the delivery wrote, kept for `flush`. */
interface Pending {
  rows: Map<string, DeliveryRecord>;
  activities: Map<string, DestinationActivity>;
  digests: Map<string, PersonalDigest>;
}

/** Answers from the snapshot for what it read, from `read` for anything else. */
const fromSnapshot =
  <K, V>(known: Map<K, V>, read: (key: K) => Promise<V>) =>
  async (key: K): Promise<V> =>
    known.has(key) ? (known.get(key) as V) : read(key);

/**
 * The delivery's stores over its snapshot. Writes of rows, activity and held cards wait for
 * `flush`; other writes (a refreshed token, a connection marked `needs-login`, a conversation
 * the bot can no longer reach) go to the store at once and drop the snapshot's copy.
 */
const sessionStores = <D extends SessionStores>(
  deps: D,
  delivery: PlannedDelivery,
  snapshot: DeliverySnapshot,
  request: DeliverySnapshotRequest,
  pending: Pending,
): D => {
  const connections = new Map<string, Connection | null>(
    snapshot.connections.map((c) => [c.accountId, c.connection]),
  );
  const tokens = new Map<string, AccessTokenCopy | null>(
    snapshot.accessTokens.map((t) => [t.accountId, t.token]),
  );
  const rules = new Map(snapshot.rules.map((r) => [r.id, r]));
  const mapped = new Set(request.mappedAccountIds);
  const { personal } = snapshot;
  const recipient = request.personal?.accountId;
  const conversations = new Map(
    personal?.conversation ? [[personal.conversation.microsoftUser, personal.conversation.conversation]] : [],
  );
  let botToken = personal ? { value: personal.botToken } : null;
  const sessionConnections = {
    ...deps.connections,
    get: fromSnapshot(connections, (id) => deps.connections.get(id)),
    put: async (connection: Connection) => {
      connections.delete(connection.accountId);
      await deps.connections.put(connection);
    },
  };
  const tenants = { ...deps.tenants, get: () => Promise.resolve(snapshot.tenant) };
  const { mentionSources } = deps;
  return {
    ...deps,
    deliveries: {
      ...deps.deliveries,
      get: async (key) =>
        pending.rows.get(key) ??
        (key === delivery.deliveryKey ? snapshot.previous : deps.deliveries.get(key)),
      put: (record) => {
        pending.rows.set(record.key, record);
        return Promise.resolve();
      },
    },
    activity: {
      get: async (key, contentIds) =>
        pending.activities.get(key) ??
        (key === delivery.concurrencyKey && (contentIds ?? []).every((id) => id === delivery.event.contentId)
          ? snapshot.activity
          : deps.activity.get(key, contentIds)),
      put: (key, activity) => {
        pending.activities.set(key, activity);
        return Promise.resolve();
      },
    },
    connections: sessionConnections,
    rules: {
      ...deps.rules,
      getMany: async (ids) =>
        ids.every((id) => request.ruleIds.includes(id))
          ? ids.flatMap((id) => rules.get(id) ?? [])
          : deps.rules.getMany(ids),
    },
    tenants,
    tokens: {
      ...deps.tokens,
      getAccess: fromSnapshot(tokens, (id) => deps.tokens.getAccess(id)),
      put: async (id, stored) => {
        tokens.delete(id);
        await deps.tokens.put(id, stored);
      },
      forgetAccess: async (id) => {
        tokens.delete(id);
        await deps.tokens.forgetAccess(id);
      },
    },
    ...(mentionSources
      ? {
          mentionSources: {
            ...mentionSources,
            connections: sessionConnections,
            tenants,
            userMappings: {
              getMany: async (ids: readonly string[]) => {
                const missing = ids.filter((id) => !mapped.has(id));
                const wanted = new Set(ids);
                return [
                  ...snapshot.userMappings.filter((m) => wanted.has(m.accountId)),
                  ...(missing.length > 0 ? await mentionSources.userMappings.getMany(missing) : []),
                ];
              },
            },
          },
        }
      : {}),
    ...(personal
      ? {
          preferences: {
            get: async (id: string) => (id === recipient ? personal.preferences : deps.preferences.get(id)),
          },
          personalDigests: {
            get: async (id: string) =>
              pending.digests.get(id) ?? (id === recipient ? personal.digest : deps.personalDigests.get(id)),
            put: (digest: PersonalDigest) => {
              pending.digests.set(digest.accountId, digest);
              return Promise.resolve();
            },
          },
          conversations: {
            get: fromSnapshot(conversations, (key) => deps.conversations.get(key)),
            put: async (conversation: Parameters<SessionStores['conversations']['put']>[0]) => {
              conversations.delete(conversation.microsoftUser);
              await deps.conversations.put(conversation);
            },
          },
          botRegistrations: {
            ...deps.botRegistrations,
            get: () => Promise.resolve(personal.botRegistration),
          },
          botTokens: {
            get: async () => (botToken ? botToken.value : deps.botTokens.get()),
            put: async (token: Parameters<SessionStores['botTokens']['put']>[0]) => {
              botToken = null;
              await deps.botTokens.put(token);
            },
          },
        }
      : {}),
  };
};

/**
 * Reads what a delivery needs (`requestFor`) in one round trip, and hands the use case stores
 * that answer from it; a key it did not read goes to the store. Writes wait for `flush`, so a
 * delivery costs one read and one write in storage calls, plus a token's refresh when one is due.
 */
export const openDeliverySession = async <D extends SessionStores>(
  deps: D,
  delivery: PlannedDelivery,
): Promise<DeliverySession<D>> => {
  const store = deps.snapshots ?? snapshotsOverStores(deps);
  const request = requestFor(deps, delivery);
  const snapshot = await store.read(request);
  const pending: Pending = { rows: new Map(), activities: new Map(), digests: new Map() };
  return {
    deps: sessionStores(deps, delivery, snapshot, request, pending),
    previous: snapshot.previous,
    flush: async () => {
      if (pending.rows.size === 0 && pending.activities.size === 0 && pending.digests.size === 0) return;
      await store.write({
        rows: [...pending.rows.values()],
        activity: [...pending.activities].map(([destinationKey, activity]) => ({ destinationKey, activity })),
        personalDigests: [...pending.digests.values()],
        // A row means the event's queue message was taken in hand: its redeliveries may stop at the trigger.
        ...(pending.rows.size > 0 ? { handledEvent: eventDedupKey(delivery.event) } : {}),
      });
    },
  };
};
