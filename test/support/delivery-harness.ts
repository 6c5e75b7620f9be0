import type { Clock } from '../../src/application/ports/platform';
import type { OutgoingCard } from '../../src/application/ports/microsoft';
import type { Attempt } from '../../src/application/services/send-as-owner';
import type { Connection } from '../../src/domain/connection';
import type { ContentEvent } from '../../src/domain/content-event';
import { planDeliveries, type PlannedDelivery } from '../../src/domain/delivery-plan';
import type { Rule } from '../../src/domain/rule';
import type { TenantMapping } from '../../src/domain/tenant-mapping';
import {
  fakeConversations,
  memoryBotRegistrations,
  memoryBotTokens,
  memoryPersonalDigests,
  scriptedBot,
} from './bot-fakes';
import { aContentEvent, aRule, nameOf } from './builders';
import { DEFAULT_FLOOD_SETTINGS } from '../../src/domain/send-plan';
import { fakeActivityStore, fakeDigestScheduler } from './delivery-fakes';
import {
  fakeConfluence,
  fakeConnections,
  fakeDeliveryStore,
  fakePreferenceStore,
  fakeQueue,
  fakeTenants,
  fakeTokenVault,
  scriptedIdentity,
  scriptedTeams,
} from './fakes';

/** Everything the queue consumer's use cases need, as fakes, for unit tests. */
export const OWNER = 'owner-1';
export const NOW = Date.parse('2026-11-22T10:00:00Z');

export const aConnection = (
  accountId = OWNER,
  scopes = ['ChannelMessage.Send', 'ChannelMessage.ReadWrite'],
): Connection => ({
  schemaVersion: 1,
  accountId,
  oid: `oid-${accountId}`,
  tenantId: 't',
  upn: `${accountId}@x`,
  displayName: accountId,
  status: 'ok',
  scopes,
  connectedAt: 'x',
  updatedAt: 'x',
});

export const aMapping: TenantMapping = {
  schemaVersion: 1,
  tenantId: 't',
  clientId: 'c',
  secretExpiresOn: '2027-01-01',
  consent: { status: 'not-granted' },
  updatedAt: 'x',
  updatedBy: 'x',
};

/** A clock tests move forward. */
export const movableClock = (start = NOW): Clock & { advance(ms: number): void } => {
  let now = start;
  return { now: () => new Date(now), advance: (ms) => void (now += ms) };
};

/** Every rule `plannedDelivery` planned from, as the trigger saw it. */
const plannedRules = new Map<string, Rule>();

/**
 * The rule store the consumer reads back: each rule planned in this test file as it was planned,
 * unless the test changed (`put`) or deleted it here.
 */
export const plannedRuleStore = () => {
  let reads = 0;
  const changed = new Map<string, Rule | null>();
  const read = (id: string): Rule | null =>
    changed.has(id) ? (changed.get(id) ?? null) : (plannedRules.get(id) ?? null);
  return {
    /** How many round trips to the store the consumer made. */
    roundTrips: () => reads,
    put: async (rule: Rule) => void changed.set(rule.id, rule),
    delete: async (id: string) => void changed.set(id, null),
    get: async (id: string) => {
      reads += 1;
      return read(id);
    },
    getMany: async (ids: readonly string[]) => {
      reads += 1;
      return ids.map(read).filter((rule): rule is Rule => rule !== null);
    },
  };
};

export const deliveryDeps = () => ({
  rules: plannedRuleStore(),
  deliveries: fakeDeliveryStore(),
  ...fakeConfluence(),
  teams: scriptedTeams(),
  tenants: fakeTenants(aMapping, 'secret'),
  connections: fakeConnections([aConnection()]),
  tokens: fakeTokenVault({
    [OWNER]: { refreshToken: 'rt-1', accessToken: 'at-1', accessTokenExpiresAt: NOW + 3_600_000 },
  }),
  identity: scriptedIdentity([]),
  clock: movableClock(),
  activity: fakeActivityStore(),
  digests: fakeDigestScheduler(),
  queue: fakeQueue(),
  // The fake clock stands still, so every send would wait for its turn at the channel: these
  // tests send at once, and pacing has tests of its own (pace-send.test.ts).
  flood: { ...DEFAULT_FLOOD_SETTINGS, requestGapMs: 0 },
  preferences: fakePreferenceStore(),
  conversations: fakeConversations(),
  bot: scriptedBot(),
  botTokens: memoryBotTokens(),
  botRegistrations: memoryBotRegistrations(),
  personalDigests: memoryPersonalDigests(),
});

export type DeliveryTestDeps = ReturnType<typeof deliveryDeps>;

/**
 * The one delivery an event gives for rules that share a destination. Without rules, each event
 * comes from a rule of its own (named after the event), as if someone had a rule per page.
 */
export const plannedDelivery = (
  event: Partial<ContentEvent> = {},
  rules: Rule[] = [aRule({ id: `rule-for-${nameOf(event)}`, ownerAccountId: OWNER })],
): PlannedDelivery => {
  const [delivery] = planDeliveries(aContentEvent({ actorAccountId: 'editor-1', ...event }), rules);
  if (!delivery) throw new Error('expected a delivery');
  for (const rule of rules) plannedRules.set(rule.id, rule);
  return delivery;
};

/** The queue message as a delivery row keeps it: ids, no title (invariant 3). */
export const storedRequestOf = (delivery: PlannedDelivery): PlannedDelivery => ({
  ...delivery,
  event: { ...delivery.event, title: '' },
});

/** The Adaptive Card a call to the Teams messenger carried. */
export const cardIn = (message: OutgoingCard | undefined): Record<string, unknown> => {
  if (!message) throw new Error('no card in this message');
  return message.card;
};

/** The consumer's `attempt`: a queue retry the consumer asked for itself, after a plain refusal. */
export const attemptNo = (number: number, unconfirmed = false): Attempt => ({ number, unconfirmed });
