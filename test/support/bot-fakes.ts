import type { BotRegistration, BotRegistrationStore, BotStore } from '../../src/application/ports/bot';
import type {
  ActivityLedger,
  BotMessenger,
  BotTokenCache,
  BotWorkQueue,
  ConversationRef,
  ConversationStore,
  OutgoingText,
} from '../../src/application/ports/bot-messenger';
import type {
  AppCredentials,
  MicrosoftIdentity,
  OutgoingCard,
  TokenAudience,
} from '../../src/application/ports/microsoft';
import type { BotJob } from '../../src/domain/bot-job';
import type { PersonalDigestStore } from '../../src/application/ports/stores';
import type { Conversation } from '../../src/domain/conversation';
import type { PersonalDigest } from '../../src/domain/personal-hold';

/** A Bot Connector token cache in memory. */
export const memoryBotTokens = (): BotTokenCache & {
  cached(): Awaited<ReturnType<BotTokenCache['get']>>;
  replace(token: Awaited<ReturnType<BotTokenCache['get']>>): void;
} => {
  let value: Awaited<ReturnType<BotTokenCache['get']>> = null;
  return {
    cached: () => value,
    replace: (token) => void (value = token),
    get: async () => value,
    put: async (token) => void (value = token),
  };
};

/**
 * An identity that hands out numbered app-only tokens; `audiences()` says which API each was for,
 * `apps()` which app (client id and secret) asked.
 */
export const countingIdentity = (): MicrosoftIdentity & {
  audiences(): TokenAudience[];
  apps(): AppCredentials[];
} => {
  const asked: TokenAudience[] = [];
  const apps: AppCredentials[] = [];
  const refuse = () => Promise.reject(new Error('not used by the bot'));
  return {
    audiences: () => [...asked],
    apps: () => [...apps],
    authorizeUrl: () => '',
    adminConsentUrl: () => '',
    redeemCode: refuse,
    refresh: refuse,
    clientCredentials: async (app, audience = 'graph') => {
      asked.push(audience);
      apps.push(app);
      return {
        accessToken: `bot-token-${asked.length}`,
        refreshToken: null,
        idToken: null,
        expiresInSeconds: 3600,
        scope: '',
      };
    },
  };
};

export const fakeConversations = (
  conversations: Conversation[] = [],
): ConversationStore & { conversationOf(microsoftUser: string): Conversation | undefined } => {
  const map = new Map(conversations.map((c) => [c.microsoftUser, c]));
  return {
    conversationOf: (key) => map.get(key),
    get: async (key) => map.get(key) ?? null,
    put: async (c) => void map.set(c.microsoftUser, c),
  };
};

export interface SentToChat {
  to: ConversationRef;
  token: string;
  outgoing: OutgoingCard | OutgoingText;
}

/**
 * A Bot Connector that answers sends from a script (an error, or success) and keeps what was
 * sent; with no script left every send succeeds.
 */
export const scriptedBot = (
  script: Array<Error | 'ok'> = [],
): BotMessenger & { sent(): SentToChat[]; texts(): string[] } => {
  const sent: SentToChat[] = [];
  return {
    sent: () => [...sent],
    texts: () =>
      sent.map(({ outgoing }) => ('text' in outgoing ? outgoing.text : JSON.stringify(outgoing.card))),
    send: async (token, to, outgoing) => {
      const next = script.shift();
      if (next instanceof Error) throw next;
      sent.push({ to, token, outgoing });
      return { activityId: `activity-${sent.length}` };
    },
    update: async () => undefined,
    openPersonalConversation: async (_token, args) => ({
      serviceUrl: args.serviceUrl,
      conversationId: `a:${args.userId}`,
      tenantId: args.tenantId,
    }),
  };
};

export const fakeBotWork = (failWith?: Error): BotWorkQueue & { jobs(): BotJob[] } => {
  const jobs: BotJob[] = [];
  return {
    jobs: () => [...jobs],
    enqueue: async (job) => {
      if (failWith) throw failWith;
      jobs.push(job);
    },
  };
};

export const aConversation = (overrides: Partial<Conversation> = {}): Conversation => ({
  schemaVersion: 1,
  microsoftUser: 'tenant-1:oid-1',
  tenantId: 'tenant-1',
  oid: 'oid-1',
  userId: '29:user-1',
  serviceUrl: 'https://smba.trafficmanager.net/emea/',
  conversationId: 'a:1conversation',
  botId: 'a7c9e1f3-2b4d-4c6e-8f0a-1b3d5f7a9c2e',
  installed: true,
  confirmedConnection: null,
  welcomed: false,
  updatedAt: '2026-11-01T00:00:00.000Z',
  ...overrides,
});

/** The separate bot's registration and secret in memory; with no arguments the mapping's app is the bot. */
export const memoryBotRegistrations = (
  registration: BotRegistration | null = null,
  secret: string | null = null,
): BotRegistrationStore & {
  registration(): BotRegistration | null;
  secret(): string | null;
} => {
  let stored = registration;
  let storedSecret = secret;
  return {
    registration: () => stored,
    secret: () => storedSecret,
    get: async () => stored,
    put: async (next) => void (stored = next),
    clear: async () => {
      stored = null;
      storedSecret = null;
    },
    getSecret: async () => storedSecret,
    setSecret: async (next) => void (storedSecret = next),
  };
};

export const aBotRegistration = (overrides: Partial<BotRegistration> = {}): BotRegistration => ({
  botId: 'b0b0b0b0-1111-4222-8333-444455556666',
  secretExpiresOn: '2027-09-30',
  updatedAt: '2026-11-01T00:00:00.000Z',
  updatedBy: 'ada',
  ...overrides,
});

/** People's held personal cards in memory; `listWaiting` lists those with cards, oldest first. */
export const memoryPersonalDigests = (): PersonalDigestStore & {
  digestOf(accountId: string): PersonalDigest | undefined;
} => {
  const map = new Map<string, PersonalDigest>();
  return {
    digestOf: (accountId) => map.get(accountId),
    get: async (accountId) => map.get(accountId) ?? null,
    put: async (digest) => void map.set(digest.accountId, digest),
    listWaiting: async (limit) => [...map.values()].filter((d) => d.items.length > 0).slice(0, limit),
  };
};

/** The bot's health record as the endpoint keeps it; `reachedAt` set: Teams has reached the bot. */
export const fakeBotHealth = (reachedAt: string | null = null): Pick<BotStore, 'getHealth'> => ({
  getHealth: async () =>
    reachedAt === null
      ? null
      : { schemaVersion: 1, lastRequestAt: reachedAt, lastAuthFailureAt: null, lastAuthFailureReason: null },
});

/** The bot endpoint's replay ledger in memory. */
export const memoryActivityLedger = (): ActivityLedger => {
  const seen = new Set<string>();
  return {
    firstSeen: async (key) => {
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    },
  };
};

/** A notice ledger in memory (bot-notices.ts); `sent()` lists the keys marked. */
export const memoryNotices = () => {
  const marked = new Set<string>();
  return {
    sent: () => [...marked],
    wasSent: async (key: string) => marked.has(key),
    markSent: async (key: string, _ttlSeconds?: number) => void marked.add(key),
  };
};
