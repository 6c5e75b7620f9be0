import type { ConfluenceGateway, ContentSummary } from '../../src/application/ports/confluence';
import type {
  ChannelSummary,
  MicrosoftIdentity,
  TeamsMessenger,
  TokenSet,
} from '../../src/application/ports/microsoft';
import type { Clock, DeliveryQueue } from '../../src/application/ports/platform';
import type {
  ConnectionStore,
  DeliveryStore,
  EventLedger,
  RuleStore,
  TenantStore,
  TokenVault,
} from '../../src/application/ports/stores';
import type { Connection, StoredTokens } from '../../src/domain/connection';
import type { DeliveryRecord } from '../../src/domain/delivery';
import type { PlannedDelivery } from '../../src/domain/delivery-plan';
import type { Destination, Rule } from '../../src/domain/rule';
import type { TenantMapping } from '../../src/domain/tenant-mapping';

/** Hand-written in-memory fakes of the ports, with what they saw kept for assertions. */
export const fakeRuleStore = (rules: Rule[] = []): RuleStore & { rules: Map<string, Rule> } => {
  const map = new Map(rules.map((r) => [r.id, r]));
  return {
    rules: map,
    put: async (rule) => void map.set(rule.id, rule),
    get: async (id) => map.get(id) ?? null,
    delete: async (id) => void map.delete(id),
    listByScopeKey: async (key) => [...map.values()].filter((r) => r.scopeKey === key),
    listByOwner: async (owner) => [...map.values()].filter((r) => r.ownerAccountId === owner),
  };
};

export const fakeLedger = (): EventLedger & { seen: Set<string> } => {
  const seen = new Set<string>();
  return {
    seen,
    markSeen: async (key) => (seen.has(key) ? false : (seen.add(key), true)),
    forget: async (key) => void seen.delete(key),
  };
};

export const fakeQueue = (failWith?: Error): DeliveryQueue & { pushed: PlannedDelivery[] } => {
  const pushed: PlannedDelivery[] = [];
  return {
    pushed,
    enqueue: async (deliveries) => {
      if (failWith) throw failWith;
      pushed.push(...deliveries);
    },
  };
};

export const fakeDeliveryStore = (): DeliveryStore & { rows: Map<string, DeliveryRecord> } => {
  const rows = new Map<string, DeliveryRecord>();
  return { rows, get: async (key) => rows.get(key) ?? null, put: async (row) => void rows.set(row.key, row) };
};

export const fakeConnections = (
  connections: Connection[] = [],
): ConnectionStore & { map: Map<string, Connection> } => {
  const map = new Map(connections.map((c) => [c.accountId, c]));
  return {
    map,
    get: async (id) => map.get(id) ?? null,
    put: async (c) => void map.set(c.accountId, c),
    delete: async (id) => void map.delete(id),
  };
};

export const fakeTokenVault = (
  entries: Record<string, StoredTokens> = {},
): TokenVault & { map: Map<string, StoredTokens> } => {
  const map = new Map(Object.entries(entries));
  return {
    map,
    get: async (id) => map.get(id) ?? null,
    put: async (id, t) => void map.set(id, t),
    delete: async (id) => void map.delete(id),
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

export const fakeConfluence = (overrides: Partial<ConfluenceGateway> = {}): ConfluenceGateway => ({
  isSiteAdmin: async () => false,
  isSpaceAdmin: async () => false,
  canEditContent: async () => false,
  getContentAs: async (_account, id): Promise<ContentSummary> => ({
    id,
    type: 'page',
    title: 'Release plan 2027',
    spaceKey: 'ENG',
    spaceName: 'Engineering',
    version: 3,
    versionMessage: '',
    url: `https://site.example/wiki/pages/${id}`,
  }),
  displayNameOf: async (id) => `Name of ${id}`,
  ...overrides,
});

/** A Teams messenger whose posts answer from a script: a result or an error per call. */
export const scriptedTeams = (
  script: Array<Error | { messageId: string }> = [],
): TeamsMessenger & { posts: Array<{ token: string; destination: Destination }> } => {
  const posts: Array<{ token: string; destination: Destination }> = [];
  return {
    posts,
    listJoinedTeams: async () => [],
    listChannels: async (): Promise<ChannelSummary[]> => [],
    listChats: async () => [],
    postMessage: async (token, destination) => {
      posts.push({ token, destination });
      const next = script.shift() ?? { messageId: `m-${posts.length}` };
      if (next instanceof Error) throw next;
      return next;
    },
  };
};

export const scriptedIdentity = (
  refreshes: Array<Error | TokenSet>,
): MicrosoftIdentity & { refreshedWith: string[] } => {
  const refreshedWith: string[] = [];
  const never = () => Promise.reject(new Error('not expected in this test'));
  return {
    refreshedWith,
    authorizeUrl: () => 'https://login.example/authorize',
    adminConsentUrl: () => 'https://login.example/adminconsent',
    redeemCode: never,
    clientCredentials: never,
    refresh: async (_app, { refreshToken }) => {
      refreshedWith.push(refreshToken);
      const next = refreshes.shift();
      if (!next) throw new Error('no scripted refresh left');
      if (next instanceof Error) throw next;
      return next;
    },
  };
};
