import type {
  AppView,
  ConfluencePeople,
  ConfluencePermissions,
  ContentReader,
  ContentSummary,
  CqlSearch,
} from '../../src/application/ports/confluence';
import type {
  MicrosoftIdentity,
  OutgoingCard,
  GraphTeams,
  TokenSet,
} from '../../src/application/ports/microsoft';
import type { Clock, DeliveryQueue, Random } from '../../src/application/ports/platform';
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
import type { PersonalPreferences } from '../../src/domain/preferences';
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
    getMany: async (ids) => ids.flatMap((id) => map.get(id) ?? []),
    delete: async (id) => void map.delete(id),
    listByScopeKey: async (key) => [...map.values()].filter((r) => r.scopeKey === key),
    listByOwner: async (owner) => [...map.values()].filter((r) => r.ownerAccountId === owner),
    // What the KVS adapter's two partitions hold: global rules, the space's rules and page rules.
    listForEvent: async (spaceKey) =>
      [...map.values()].filter(
        (r) =>
          r.scope === 'global' ||
          r.scopeKey === `space:${spaceKey}` ||
          (r.scope === 'content' && r.spaceKey === spaceKey),
      ),
  };
};

export const fakeLedger = (): EventLedger & { queued: Set<string> } => {
  const queued = new Set<string>();
  return {
    queued,
    wasQueued: async (key) => queued.has(key),
    markQueued: async (key) => void queued.add(key),
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

export const fakeDeliveryStore = (
  records: DeliveryRecord[] = [],
): DeliveryStore & { rows: Map<string, DeliveryRecord> } => {
  const rows = new Map(records.map((r) => [r.key, r]));
  const list = (match: (r: DeliveryRecord) => boolean, query: DeliveryQuery) =>
    [...rows.values()]
      .filter((r) => match(r) && r.updatedAt >= (query.since ?? 0))
      .filter((r) => !query.status || r.status === query.status)
      .sort((a, b) => b.updatedAt - a.updatedAt)
      .slice(0, query.limit);
  return {
    rows,
    get: async (key) => rows.get(key) ?? null,
    put: async (row) => void rows.set(row.key, row),
    listByStatus: async (query) => list(() => true, query),
    listByOwner: async (owner, query) => list((r) => r.ownerAccountId === owner, query),
  };
};

export const fakePreferenceStore = (
  entries: Record<string, PersonalPreferences> = {},
): PreferenceStore & { map: Map<string, PersonalPreferences> } => {
  const map = new Map(Object.entries(entries));
  return { map, get: async (id) => map.get(id) ?? null, put: async (id, p) => void map.set(id, p) };
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
    findByMicrosoftUser: async (tenantId, oid) =>
      [...map.values()].filter(
        (c) =>
          c.tenantId.toLowerCase() === tenantId.toLowerCase() && c.oid.toLowerCase() === oid.toLowerCase(),
      ),
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

/** Predictable ids (valid UUIDs ending in a counter) and tokens (`token-<n>`). */
export const countingRandom = (): Random => {
  let n = 0;
  return {
    uuid: () => `00000000-0000-4000-8000-${String((n += 1)).padStart(12, '0')}`,
    token: () => `token-${(n += 1)}`,
  };
};

/** Every Confluence port at once: one simulated site answers them all. */
type ConfluenceSite = ConfluencePermissions & ContentReader & CqlSearch & ConfluencePeople & AppView;

/** The Confluence ports a use case's deps carry, each backed by the same fake site. */
export interface FakeConfluence {
  permissions: ConfluenceSite;
  content: ConfluenceSite;
  search: ConfluenceSite;
  people: ConfluenceSite;
  appView: ConfluenceSite;
}

/**
 * A Confluence site behind every Confluence port; spread it into a use case's deps. Unless
 * overridden, `viewableTitlesAs` answers what `getContentAs` does for each id, so a test that
 * hides content from someone hides it everywhere.
 */
export const fakeConfluence = (overrides: Partial<ConfluenceSite> = {}): FakeConfluence => {
  const reads = fakeConfluenceReads(overrides);
  const site: ConfluenceSite = {
    viewableTitlesAs: async (accountId, ids) => {
      const read = await Promise.all(ids.map((id) => reads.getContentAs(accountId, id)));
      return read.flatMap((c, i) => (c ? [{ id: ids[i] ?? '', title: c.title }] : []));
    },
    ...reads,
  };
  return { permissions: site, content: site, search: site, people: site, appView: site };
};

const fakeConfluenceReads = (
  overrides: Partial<ConfluenceSite>,
): Omit<ConfluenceSite, 'viewableTitlesAs'> & Partial<ConfluenceSite> => ({
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
  getSpaceAs: async (_account, key) => ({ key, name: `Space ${key}` }),
  validateCql: async () => null,
  readContentFacts: async () => ({ labels: [], ancestorIds: [] }),
  readAppCommentMarker: async () => null,
  appAccountId: async () => 'app-account',
  matchesCqlAs: async () => true,
  getVersionBodyAs: async () => null,
  getCommentAs: async () => null,
  ...overrides,
});

/** A scripted post that Teams stores, though its answer is lost: `error` reaches the sender. */
export class LostAnswer {
  constructor(readonly error: Error) {}
}

/**
 * A Teams messenger whose posts answer from a script: a result, an error, or a LostAnswer per
 * call. Messages it stored (`stored`: answered or lost) can be found again by their send id, which
 * Graph's message carries as its attachment's id. `message`: the card and send id each call got.
 */
export const scriptedTeams = (
  script: Array<Error | LostAnswer | { messageId: string; webUrl?: string | null }> = [],
  more: { updates?: Array<Error | null>; replies?: Array<Error | { messageId: string }> } = {},
): GraphTeams & {
  posts: Array<{ token: string; destination: Destination; message?: OutgoingCard }>;
  updates: Array<{ token: string; messageId: string; message: OutgoingCard }>;
  replies: Array<{ token: string; messageId: string; message: OutgoingCard }>;
  stored: Array<{ messageId: string; attachmentId?: string }>;
  searches: Array<{ attachmentId: string; replyToId?: string }>;
} => {
  const posts: Array<{ token: string; destination: Destination; message?: OutgoingCard }> = [];
  const updates: Array<{ token: string; messageId: string; message: OutgoingCard }> = [];
  const replies: Array<{ token: string; messageId: string; message: OutgoingCard }> = [];
  const stored: Array<{ messageId: string; attachmentId?: string }> = [];
  const searches: Array<{ attachmentId: string; replyToId?: string }> = [];
  return {
    posts,
    updates,
    replies,
    stored,
    searches,
    findRecentMessage: async (_token, _destination, sendId, replyToId) => {
      searches.push({ attachmentId: sendId, ...(replyToId ? { replyToId } : {}) });
      return stored.find((m) => m.attachmentId === sendId)?.messageId ?? null;
    },
    updateMessage: async (token, _destination, messageId, message) => {
      updates.push({ token, messageId, message });
      const next = more.updates?.shift();
      if (next instanceof Error) throw next;
    },
    replyToMessage: async (token, _destination, messageId, message) => {
      replies.push({ token, messageId, message });
      const next = more.replies?.shift() ?? { messageId: `r-${replies.length}` };
      if (next instanceof Error) throw next;
      return next;
    },
    listJoinedTeams: async () => ({ items: [], truncated: false }),
    listChannels: async () => ({ items: [], truncated: false }),
    listChats: async () => ({ items: [], truncated: false }),
    postMessage: async (token, destination, message) => {
      posts.push({ token, destination, message });
      const next = script.shift() ?? { messageId: `m-${posts.length}` };
      if (next instanceof Error) throw next;
      if (next instanceof LostAnswer) {
        stored.push({ messageId: `m-${posts.length}`, attachmentId: message.sendId });
        throw next.error;
      }
      stored.push({ messageId: next.messageId, attachmentId: message.sendId });
      return next;
    },
  };
};

export const scriptedIdentity = (
  refreshes: Array<Error | TokenSet>,
): MicrosoftIdentity & { refreshedWith: string[]; scopesAskedFor: string[][] } => {
  const refreshedWith: string[] = [];
  const scopesAskedFor: string[][] = [];
  const never = () => Promise.reject(new Error('not expected in this test'));
  return {
    refreshedWith,
    scopesAskedFor,
    authorizeUrl: () => 'https://login.example/authorize',
    adminConsentUrl: () => 'https://login.example/adminconsent',
    redeemCode: never,
    clientCredentials: never,
    refresh: async (_app, { refreshToken, scopes }) => {
      refreshedWith.push(refreshToken);
      scopesAskedFor.push([...scopes]);
      const next = refreshes.shift();
      if (!next) throw new Error('no scripted refresh left');
      if (next instanceof Error) throw next;
      return next;
    },
  };
};
