import type {
  AppView,
  ConfluencePeople,
  ConfluencePermissions,
  ContentReader,
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
import type { PersonalAudienceRequest } from '../../src/domain/personal-notification';
import type { PersonalPreferences } from '../../src/domain/preferences';
import type { PlannedDelivery } from '../../src/domain/delivery-plan';
import type { Destination, Rule } from '../../src/domain/rule';
import type { TenantMapping } from '../../src/domain/tenant-mapping';
import { aContentSummary } from './builders';

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

export interface FakeQueue extends DeliveryQueue {
  /** Every delivery put on the queue so far, in order. */
  enqueued(): PlannedDelivery[];
  /** The personal side of each event queued so far (who gets a card is found by the consumer). */
  personalSides(): PersonalAudienceRequest[];
}

export const fakeQueue = (failWith?: Error): FakeQueue => {
  const pushed: PlannedDelivery[] = [];
  const personal: PersonalAudienceRequest[] = [];
  return {
    enqueued: () => [...pushed],
    personalSides: () => [...personal],
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
  getContentAs: async (_account, id) => aContentSummary(id),
  displayNameOf: async (id) => `Name of ${id}`,
  emailOf: async () => null,
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

/**
 * A scripted post or reply that Teams stores, though its answer is lost: `error` reaches the
 * sender. `messageId` names the stored message (by default the one the call would have answered).
 */
export class LostAnswer {
  constructor(
    readonly error: Error,
    readonly messageId?: string,
  ) {}
}

/** A call to the Teams messenger: the token, where it went and the card and send id it carried. */
export interface PostedCard {
  token: string;
  destination: Destination;
  message?: OutgoingCard;
}
export interface CardOnMessage {
  token: string;
  messageId: string;
  message: OutgoingCard;
}
/** A message Teams holds, found again by the send id its attachment carries. */
export interface HeldMessage {
  messageId: string;
  attachmentId?: string;
}

export interface ScriptedTeams extends GraphTeams {
  /** Every new message posted, in order. */
  postedCards(): PostedCard[];
  /** Every edit of a message, in order. */
  updatedCards(): CardOnMessage[];
  /** Every reply in a thread, in order. */
  repliedCards(): CardOnMessage[];
  /** Every look for an earlier message by its send id (and thread), in order. */
  lookups(): Array<{ attachmentId: string; replyToId?: string }>;
  /** The messages Teams holds: those posted (answered or lost) and those it was given. */
  heldMessages(): HeldMessage[];
  /** Messages Teams holds already, as if sent before this test. */
  holds(...messages: HeldMessage[]): void;
}

/**
 * A Teams messenger whose posts answer from a script: a result, an error, or a LostAnswer per
 * call. Messages it stored (`stored`: answered or lost) can be found again by their send id, which
 * Graph's message carries as its attachment's id. `message`: the card and send id each call got.
 */
export const scriptedTeams = (
  script: Array<Error | LostAnswer | { messageId: string; webUrl?: string | null }> = [],
  more: { updates?: Array<Error | null>; replies?: Array<Error | LostAnswer | { messageId: string }> } = {},
): ScriptedTeams => {
  const posts: PostedCard[] = [];
  const updates: CardOnMessage[] = [];
  const replies: CardOnMessage[] = [];
  const stored: HeldMessage[] = [];
  const searches: Array<{ attachmentId: string; replyToId?: string }> = [];
  return {
    postedCards: () => [...posts],
    updatedCards: () => [...updates],
    repliedCards: () => [...replies],
    lookups: () => [...searches],
    heldMessages: () => [...stored],
    holds: (...messages) => void stored.push(...messages),
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
      if (next instanceof LostAnswer) {
        stored.push({ messageId: next.messageId ?? `r-${replies.length}`, attachmentId: message.sendId });
        throw next.error;
      }
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
        stored.push({ messageId: next.messageId ?? `m-${posts.length}`, attachmentId: message.sendId });
        throw next.error;
      }
      stored.push({ messageId: next.messageId, attachmentId: message.sendId });
      return next;
    },
  };
};

export interface ScriptedIdentity extends MicrosoftIdentity {
  /** The refresh tokens each refresh used, in order. */
  refreshTokensUsed(): string[];
  /** The scopes each refresh asked for, in order. */
  scopesRequested(): string[][];
}

export const scriptedIdentity = (refreshes: Array<Error | TokenSet>): ScriptedIdentity => {
  const refreshedWith: string[] = [];
  const scopesAskedFor: string[][] = [];
  const never = () => Promise.reject(new Error('not expected in this test'));
  return {
    refreshTokensUsed: () => [...refreshedWith],
    scopesRequested: () => scopesAskedFor.map((scopes) => [...scopes]),
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

/** Confluence as the app, recording what the trigger asked: only ever the app's own account. */
export const recordingAppView = (appAccount = 'app-account') => {
  const asked: string[] = [];
  return {
    /** What was asked of Confluence as the app, in order. */
    questionsAsked: () => [...asked],
    appAccountId: async () => {
      asked.push('app account');
      return appAccount;
    },
  };
};
