import { randomUUID } from 'node:crypto';
import { BotAuthError, type BotStore, type BotTokenVerifier } from '../../../../../src/application/ports/bot';
import { authenticateActivity } from '../../../../../src/application/use-cases/bot/authenticate-activity';
import { receiveActivity } from '../../../../../src/application/use-cases/bot/receive-activity';
import { AppError } from '../../../../../src/domain/app-error';
import type { BotHealth } from '../../../../../src/domain/bot-health';
import type { Connection } from '../../../../../src/domain/connection';
import type { TenantMapping } from '../../../../../src/domain/tenant-mapping';
import { fakeBotWork, fakeConversations, memoryActivityLedger } from '../../../../support/bot-fakes';
import { fakeConnections, fakeTokenVault } from '../../../../support/fakes';
import { aConnection } from '../../../../support/settings-builders';

const TENANT = '8b2a4c1e-3f5d-4e6a-9b7c-0d1e2f3a4b5c';
const CLIENT_ID = 'a7c9e1f3-2b4d-4c6e-8f0a-1b3d5f7a9c2e';
const SEPARATE_BOT = 'b0b0b0b0-1111-4222-8333-444455556666';
const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';

const mapping: TenantMapping = {
  schemaVersion: 1,
  tenantId: TENANT,
  clientId: CLIENT_ID,
  secretExpiresOn: '2027-06-30',
  consent: { status: 'not-granted' },
  updatedAt: '2026-11-01T00:00:00Z',
  updatedBy: 'ada',
};

/** A Teams activity; each has its own id, as Teams gives them. */
const activity = (overrides: Record<string, unknown> = {}, botId = CLIENT_ID) => ({
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

const harness = (
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

const refusal = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
  throw new Error('expected a refusal');
};

describe('authenticating a request to the bot endpoint', () => {
  it('checks the token for the tenant mapping’s client id and returns the parsed activity', async () => {
    const h = harness();
    const result = await authenticateActivity(h.deps, {
      authorization: 'Bearer x',
      body: JSON.stringify(activity()),
    });
    expect(result.activity.type).toBe('message');
    expect(h.audiences).toEqual([CLIENT_ID]);
  });

  it('uses a separately stored bot id when there is one', async () => {
    const h = harness({ storedBotId: SEPARATE_BOT });
    await authenticateActivity(h.deps, {
      authorization: 'Bearer x',
      body: JSON.stringify(activity({}, SEPARATE_BOT)),
    });
    expect(h.audiences).toEqual([SEPARATE_BOT]);
  });

  it('refuses 401 when no tenant is mapped: no token can be for this bot', async () => {
    const h = harness({ mapping: null });
    expect(await refusal(authenticateActivity(h.deps, { authorization: 'Bearer x', body: '{}' }))).toBe(
      'unauthenticated',
    );
    expect(h.health()?.lastAuthFailureReason).toBe('bot-not-configured');
  });

  it('refuses an invalid token as unauthenticated before reading the body', async () => {
    const h = harness();
    h.refuseWith(new BotAuthError('expired'));
    expect(await refusal(authenticateActivity(h.deps, { authorization: 'Bearer x', body: 'not json' }))).toBe(
      'unauthenticated',
    );
    expect(h.health()).toMatchObject({ lastAuthFailureReason: 'expired', lastRequestAt: null });
  });

  it('refuses a body that is not an activity as invalid input, with a valid token', async () => {
    const h = harness();
    for (const body of ['not json', '[]', '{"type":1}', JSON.stringify(activity({ serviceUrl: 'ftp://x' }))])
      expect(await refusal(authenticateActivity(h.deps, { authorization: 'Bearer x', body }))).toBe(
        'invalid_input',
      );
  });

  it.each([
    ['not-endorsed', activity(), { serviceUrl: SERVICE_URL, endorsements: [] }],
    ['service-url-mismatch', activity({ serviceUrl: 'https://smba.trafficmanager.net/emea/' }), undefined],
    [
      'wrong-tenant',
      activity({
        conversation: { id: 'a:1', tenantId: '00000000-0000-4000-8000-000000000000' },
        channelData: { tenant: { id: '00000000-0000-4000-8000-000000000000' } },
      }),
      undefined,
    ],
    [
      'wrong-channel',
      activity({ channelId: 'webchat' }),
      { serviceUrl: SERVICE_URL, endorsements: ['webchat'] },
    ],
    ['wrong-recipient', activity({ recipient: { id: `28:${SEPARATE_BOT}` } }), undefined],
  ])('refuses %s as forbidden and records why', async (reason, body, signed) => {
    const h = harness();
    if (signed) h.signed(signed);
    expect(
      await refusal(authenticateActivity(h.deps, { authorization: 'Bearer x', body: JSON.stringify(body) })),
    ).toBe('forbidden');
    expect(h.health()?.lastAuthFailureReason).toBe(reason);
  });

  it('writes the failure record at most once a minute, whatever an attacker sends', async () => {
    const h = harness();
    for (let i = 0; i < 20; i += 1) {
      await refusal(authenticateActivity(h.deps, { authorization: null, body: '{}' }));
      h.advance(1000);
    }
    expect(h.healthWrites).toHaveLength(1);
    h.advance(60_000);
    await refusal(authenticateActivity(h.deps, { authorization: null, body: '{}' }));
    expect(h.healthWrites).toHaveLength(2);
  });
});

describe('receiving an authenticated activity', () => {
  const parsed = async (h: ReturnType<typeof harness>, overrides: Record<string, unknown>) =>
    authenticateActivity(h.deps, {
      authorization: 'Bearer x',
      body: JSON.stringify(activity(overrides)),
    });

  it.each(['message', 'conversationUpdate', 'installationUpdate'])(
    'answers a %s with 200 and no body',
    async (type) => {
      const h = harness();
      expect(await receiveActivity(h.deps, await parsed(h, { type }))).toEqual({ status: 200 });
    },
  );

  it('answers an invoke it does not handle with 200 {}', async () => {
    const h = harness();
    const invoke = await parsed(h, {
      type: 'invoke',
      name: 'composeExtension/query',
      value: { commandId: 'x' },
    });
    expect(await receiveActivity(h.deps, invoke)).toEqual({ status: 200, body: {} });
  });

  it('answers other activity types with 200 and no body', async () => {
    const h = harness();
    expect(await receiveActivity(h.deps, await parsed(h, { type: 'typing' }))).toEqual({ status: 200 });
  });

  it('records the last request, at most once a minute', async () => {
    const h = harness();
    const message = await parsed(h, {});
    await receiveActivity(h.deps, message);
    h.advance(10_000);
    await receiveActivity(h.deps, message);
    expect(h.healthWrites).toHaveLength(1);
    expect(h.health()).toMatchObject({ lastRequestAt: '2026-11-22T09:00:00.000Z', lastAuthFailureAt: null });
    h.advance(60_000);
    await receiveActivity(h.deps, message);
    expect(h.health()?.lastRequestAt).toBe('2026-11-22T09:01:10.000Z');
  });
});

describe('the 1:1 conversation and the bot’s queued work', () => {
  const OID = '0f6a3b1c-3333-4a1b-9c1d-000000000003';
  const MS_USER = `${TENANT}:${OID}`;
  const receive = async (h: ReturnType<typeof harness>, overrides: Record<string, unknown>) =>
    receiveActivity(
      h.deps,
      await authenticateActivity(h.deps, {
        authorization: 'Bearer x',
        body: JSON.stringify(activity(overrides)),
      }),
    );

  it('keeps the conversation from an install and queues the greeting', async () => {
    const h = harness();
    await receive(h, { type: 'installationUpdate', action: 'add', text: undefined });
    expect(await h.deps.conversations.get(MS_USER)).toMatchObject({
      conversationId: 'a:1xyz',
      serviceUrl: SERVICE_URL,
      userId: '29:1abc',
      installed: true,
    });
    expect(h.deps.botWork.jobs()).toEqual([{ kind: 'greet', microsoftUser: MS_USER }]);
  });

  it('greets on a first message too (Teams may skip the install event), then answers the command', async () => {
    const h = harness();
    await receive(h, { text: ' Help ' });
    await receive(h, { text: 'status' });
    expect(h.deps.botWork.jobs()).toEqual([
      { kind: 'greet', microsoftUser: MS_USER },
      { kind: 'command', microsoftUser: MS_USER, command: 'help' },
      { kind: 'command', microsoftUser: MS_USER, command: 'status' },
    ]);
  });

  it('marks a removed app and queues nothing for it', async () => {
    const h = harness();
    await receive(h, { type: 'installationUpdate', action: 'add' });
    await receive(h, { type: 'installationUpdate', action: 'remove' });
    expect((await h.deps.conversations.get(MS_USER))?.installed).toBe(false);
    expect(h.deps.botWork.jobs()).toHaveLength(1);
  });

  it('keeps nothing from a group chat or a channel', async () => {
    const h = harness();
    await receive(h, {
      conversation: { id: '19:chat@thread.v2', tenantId: TENANT, conversationType: 'groupChat' },
    });
    expect(await h.deps.conversations.get(MS_USER)).toBeNull();
    expect(h.deps.botWork.jobs()).toEqual([]);
  });

  it('disconnects the signed-in Teams user’s own link when they confirm, and says so in the card', async () => {
    const h = harness({ connections: [aConnection({ accountId: 'mia', tenantId: TENANT, oid: OID })] });
    const answer = await receive(h, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'disconnect-confirmed' } },
    });
    expect(answer).toMatchObject({
      status: 200,
      body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive' },
    });
    expect(JSON.stringify(answer.body)).toContain('Disconnected');
    expect(await h.deps.connections.get('mia')).toBeNull();
  });

  it('never disconnects someone else: the link removed is the activity’s own Microsoft user’s', async () => {
    const other = aConnection({
      accountId: 'rex',
      tenantId: TENANT,
      oid: '11111111-2222-4333-8444-555555555555',
    });
    const h = harness({ connections: [other] });
    await receive(h, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb: 'disconnect-confirmed', data: { accountId: 'rex' } } },
    });
    expect(await h.deps.connections.get('rex')).toEqual(other);
  });
});

describe('a replayed activity', () => {
  it('is acted on once: the same message id again queues nothing more', async () => {
    const h = harness();
    const message = activity({ id: 'same-id', text: 'status' });
    const send = async () =>
      receiveActivity(
        h.deps,
        await authenticateActivity(h.deps, { authorization: 'Bearer x', body: JSON.stringify(message) }),
      );
    expect(await send()).toEqual({ status: 200 });
    const jobs = h.deps.botWork.jobs().length;
    expect(await send()).toEqual({ status: 200 });
    expect(h.deps.botWork.jobs()).toHaveLength(jobs);
  });
});
