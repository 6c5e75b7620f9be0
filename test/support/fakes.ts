import type { Clock, DeliveryQueue, DeliveryRequeue, Random } from '../../src/application/ports/platform';
import type {
  ConnectionStore,
  DeliveryQuery,
  DeliveryStore,
  PreferenceStore,
  EventLedger,
  RuleStore,
  TenantStore,
  TokenVault,
} from '../../src/application/ports/stores';
import type { Connection, StoredTokens } from '../../src/domain/connection';
import type { DeliveryRecord } from '../../src/domain/delivery';
import type { PersonalAudienceRequest } from '../../src/domain/personal-notification';
import type { PersonalPreferences } from '../../src/domain/preferences';
import type { PlannedDelivery } from '../../src/domain/delivery-plan';
import type { Rule } from '../../src/domain/rule';
import { eventRoutes, ruleRoutes } from '../../src/domain/rule-routes';
import type { TenantMapping } from '../../src/domain/tenant-mapping';
/**
 * Hand-written in-memory fakes of the ports. What they saw is kept private: tests read it through
 * the small helpers each fake adds to its port, so a fake's insides can change without its tests.
 */
export interface FakeRuleStore extends RuleStore {
  /** The rule stored under `id` now, as the store holds it. */
  ruleById(id: string): Rule | undefined;
  ruleCount(): number;
  holds(id: string): boolean;
  /** Stores a rule without going through the port. */
  add(rule: Rule): void;
}

export const fakeRuleStore = (rules: Rule[] = []): FakeRuleStore => {
  const map = new Map(rules.map((r) => [r.id, r]));
  return {
    ruleById: (id) => map.get(id),
    ruleCount: () => map.size,
    holds: (id) => map.has(id),
    add: (rule) => void map.set(rule.id, rule),
    put: async (rule) => void map.set(rule.id, rule),
    get: async (id) => map.get(id) ?? null,
    getMany: async (ids) => ids.flatMap((id) => map.get(id) ?? []),
    delete: async (id) => void map.delete(id),
    listByScopeKey: async (key) => [...map.values()].filter((r) => r.scopeKey === key),
    listByOwner: async (owner) => [...map.values()].filter((r) => r.ownerAccountId === owner),
    listInSpace: async (spaceKey) =>
      [...map.values()].filter(
        (r) =>
          r.scope === 'global' ||
          r.scopeKey === `space:${spaceKey}` ||
          (r.scope === 'content' && r.spaceKey === spaceKey),
      ),
    // What the KVS adapter's routes hold for the event: the same domain rules decide.
    listForEvent: async (event) => {
      const wanted = new Set(Object.values(eventRoutes(event)));
      const rules = [...map.values()].filter((r) => ruleRoutes(r).some(({ route }) => wanted.has(route)));
      return { rules, unbuilt: [] };
    },
    buildRoutes: async () => ({ built: 0, changedMeanwhile: 0 }),
  };
};

export interface FakeLedger extends EventLedger {
  /** How many events the ledger has marked as queued. */
  queuedEventCount(): number;
}

export const fakeLedger = (): FakeLedger => {
  const queued = new Set<string>();
  return {
    queuedEventCount: () => queued.size,
    wasQueued: async (key) => queued.has(key),
    markQueued: async (key) => void queued.add(key),
  };
};

export interface FakeQueue extends DeliveryQueue, DeliveryRequeue {
  /** Every delivery put on the queue so far, in order. */
  enqueued(): PlannedDelivery[];
  /** The personal side of each event queued so far (who gets a card is found by the consumer). */
  personalSides(): PersonalAudienceRequest[];
  /** Every delivery handed back to wait for its turn, with its delay, in order. */
  deferred(): Array<{ delivery: PlannedDelivery; delaySeconds: number }>;
}

export const fakeQueue = (failWith?: Error): FakeQueue => {
  const pushed: PlannedDelivery[] = [];
  const personal: PersonalAudienceRequest[] = [];
  const deferred: Array<{ delivery: PlannedDelivery; delaySeconds: number }> = [];
  return {
    enqueued: () => [...pushed],
    personalSides: () => [...personal],
    deferred: () => [...deferred],
    defer: async (delivery, delaySeconds) => {
      if (failWith) throw failWith;
      deferred.push({ delivery, delaySeconds });
    },
    enqueue: async (deliveries, side) => {
      if (failWith) throw failWith;
      pushed.push(...deliveries);
      if (side) personal.push(side);
    },
  };
};

export interface FakeDeliveryStore extends DeliveryStore {
  /** The delivery log's row for a delivery key, as stored now. */
  recordFor(key: string): DeliveryRecord | undefined;
  recordCount(): number;
}

export const fakeDeliveryStore = (records: DeliveryRecord[] = []): FakeDeliveryStore => {
  const rows = new Map(records.map((r) => [r.key, r]));
  const list = (match: (r: DeliveryRecord) => boolean, query: DeliveryQuery) =>
    [...rows.values()]
      .filter((r) => match(r) && r.updatedAt >= (query.since ?? 0))
      .filter((r) => !query.status || r.status === query.status)
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .slice(0, query.limit);
  return {
    recordFor: (key) => rows.get(key),
    recordCount: () => rows.size,
    get: async (key) => rows.get(key) ?? null,
    put: async (row) => void rows.set(row.key, row),
    listByStatus: async (query) => list(() => true, query),
    listByOwner: async (owner, query) => list((r) => r.ownerAccountId === owner, query),
  };
};

export interface FakePreferenceStore extends PreferenceStore {
  preferencesOf(accountId: string): PersonalPreferences | undefined;
}

export const fakePreferenceStore = (
  entries: Record<string, PersonalPreferences> = {},
): FakePreferenceStore => {
  const map = new Map(Object.entries(entries));
  return {
    preferencesOf: (id) => map.get(id),
    get: async (id) => map.get(id) ?? null,
    put: async (id, p) => void map.set(id, p),
  };
};

export interface FakeConnections extends ConnectionStore {
  connectionOf(accountId: string): Connection | undefined;
  /** Stores a connection without going through the port. */
  add(connection: Connection): void;
  /** Drops someone's connection, as if they had never logged in to Microsoft. */
  forget(accountId: string): void;
}

export const fakeConnections = (connections: Connection[] = []): FakeConnections => {
  const map = new Map(connections.map((c) => [c.accountId, c]));
  return {
    connectionOf: (id) => map.get(id),
    add: (c) => void map.set(c.accountId, c),
    forget: (id) => void map.delete(id),
    get: async (id) => map.get(id) ?? null,
    put: async (c) => void map.set(c.accountId, c),
    delete: async (id) => void map.delete(id),
    findByMicrosoftUser: async (tenantId, oid) =>
      [...map.values()].filter(
        (c) =>
          c.tenantId.toLowerCase() === tenantId.toLowerCase() && c.oid.toLowerCase() === oid.toLowerCase(),
      ),
  };
};

export interface FakeTokenVault extends TokenVault {
  tokensOf(accountId: string): StoredTokens | undefined;
  /** Stores someone's tokens without going through the port. */
  add(accountId: string, tokens: StoredTokens): void;
}

export const fakeTokenVault = (entries: Record<string, StoredTokens> = {}): FakeTokenVault => {
  const map = new Map(Object.entries(entries));
  return {
    tokensOf: (id) => map.get(id),
    add: (id, t) => void map.set(id, t),
    get: async (id) => map.get(id) ?? null,
    put: async (id, t) => void map.set(id, t),
    delete: async (id) => void map.delete(id),
    // The copy is the secret's access token: in memory, nothing is saved by keeping it apart.
    getAccess: async (id) => {
      const t = map.get(id);
      return t ? { accessToken: t.accessToken, accessTokenExpiresAt: t.accessTokenExpiresAt } : null;
    },
    forgetAccess: async () => undefined,
  };
};

export const fakeTenants = (mapping: TenantMapping | null, secret: string | null): TenantStore => {
  let current = mapping;
  let currentSecret = secret;
  return {
    get: async () => current,
    put: async (m) => void (current = m),
    getClientSecret: async () => currentSecret,
    setClientSecret: async (s) => void (currentSecret = s),
  };
};

export const fixedClock = (iso = '2026-11-22T10:00:00Z'): Clock => ({ now: () => new Date(iso) });

/** Predictable ids (valid UUIDs ending in a counter) and tokens (`token-<n>`). */
export const countingRandom = (): Random => {
  let n = 0;
  return {
    uuid: () => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, '0')}`,
    token: () => `token-${(n += 1)}`,
  };
};

// The Confluence and Microsoft fakes live in their own files; tests import them from here too.
export * from './confluence-fakes';
export * from './microsoft-fakes';
