import { randomUUID } from 'node:crypto';
import { BotAuthError, type BotStore, type BotTokenVerifier } from '../../src/application/ports/bot';
import { AppError } from '../../src/domain/app-error';
import type { BotHealth } from '../../src/domain/bot-health';
import type { Connection } from '../../src/domain/connection';
import type { TenantMapping } from '../../src/domain/tenant-mapping';
import { fakeBotWork, fakeConversations, memoryActivityLedger } from './bot-fakes';
import { fakeConnections, fakeTokenVault } from './fakes';
import { fakeCommentWriter, fakeContentFinder } from './teams-to-confluence-fakes';

/**
 * The bot endpoint's use cases with every port in memory: a verifier that answers what the test
 * tells it, and the stores the endpoint writes to.
 */
export const TENANT = '8b2a4c1e-3f5d-4e6a-9b7c-0d1e2f3a4b5c';
export const CLIENT_ID = 'a7c9e1f3-2b4d-4c6e-8f0a-1b3d5f7a9c2e';
export const SEPARATE_BOT = 'b0b0b0b0-1111-4222-8333-444455556666';
export const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';

export const mapping: TenantMapping = {
  schemaVersion: 1,
  tenantId: TENANT,
  clientId: CLIENT_ID,
  secretExpiresOn: '2027-06-30',
  consent: { status: 'not-granted' },
  updatedAt: '2026-11-01T00:00:00Z',
  updatedBy: 'ada',
  siteUrl: 'https://acme.atlassian.net',
};

/** A Teams activity; each has its own id, as Teams gives them. */
export const activity = (overrides: Record<string, unknown> = {}, botId = CLIENT_ID) => ({
  type: 'message',
  id: randomUUID(),
  serviceUrl: SERVICE_URL,
  channelId: 'msteams',
  from: { id: '29:1abc', aadObjectId: '0f6a3b1c-3333-4a1b-9c1d-000000000003' },
  conversation: { id: 'a:1xyz', tenantId: TENANT, conversationType: 'personal' },
  recipient: { id: `28:${botId}` },
  channelData: { tenant: { id: TENANT } },
  text: 'hi',
  ...overrides,
});

export const botEndpointHarness = (
  options: { mapping?: TenantMapping | null; storedBotId?: string | null; connections?: Connection[] } = {},
) => {
  let now = Date.parse('2026-11-22T09:00:00Z');
  let health: BotHealth | null = null;
  const healthWrites: BotHealth[] = [];
  const audiences: string[] = [];
  let verdict: { serviceUrl: string; endorsements: string[] } | BotAuthError = {
    serviceUrl: SERVICE_URL,
    endorsements: ['msteams'],
  };
  const bot: BotStore = {
    getBotId: async () => options.storedBotId ?? null,
    getHealth: async () => health,
    putHealth: async (next) => {
      health = next;
      healthWrites.push(next);
    },
  };
  const botAuth: BotTokenVerifier = {
    verify: async (authorization, botId) => {
      audiences.push(botId);
      if (!authorization) throw new BotAuthError('no-token');
      if (verdict instanceof BotAuthError) throw verdict;
      return verdict;
    },
  };
  const deps = {
    tenants: { get: async () => (options.mapping === undefined ? mapping : options.mapping) },
    botStore: bot,
    botAuth,
    clock: { now: () => new Date(now) },
    conversations: fakeConversations(),
    botWork: fakeBotWork(),
    connections: fakeConnections(options.connections ?? []),
    tokens: fakeTokenVault(),
    activities: memoryActivityLedger(),
    finder: fakeContentFinder(),
    comments: fakeCommentWriter(),
    urls: { personalPageUrl: (site: string) => `${site}/wiki/apps/app/env/microsoft-teams` },
  };
  return {
    deps,
    healthWrites,
    audiences,
    health: () => health,
    advance: (ms: number) => {
      now += ms;
    },
    refuseWith: (error: BotAuthError) => {
      verdict = error;
    },
    signed: (claims: { serviceUrl: string; endorsements: string[] }) => {
      verdict = claims;
    },
  };
};

export const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
};
