import {
  activityRefusal,
  activityTenantId,
  botActivitySchema,
  type BotActivity,
} from '../../../src/domain/bot-activity';

const TENANT = '8b2a4c1e-3f5d-4e6a-9b7c-0d1e2f3a4b5c';
const BOT_ID = 'a7c9e1f3-2b4d-4c6e-8f0a-1b3d5f7a9c2e';
const SERVICE_URL = 'https://smba.trafficmanager.net/amer/';

/** A message as Teams sends it to a bot in a 1:1 chat (Bot Framework Activity schema). */
const teamsMessage = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'message',
  id: '1700000000000',
  timestamp: '2026-11-22T09:00:00.000Z',
  serviceUrl: SERVICE_URL,
  channelId: 'msteams',
  from: { id: '29:1abc', name: 'Mia', aadObjectId: '0f6a3b1c-3333-4a1b-9c1d-000000000003' },
  conversation: { conversationType: 'personal', tenantId: TENANT, id: 'a:1xyz' },
  recipient: { id: `28:${BOT_ID}`, name: 'Confluence' },
  text: 'help',
  channelData: { tenant: { id: TENANT } },
  ...overrides,
});

const parse = (value: unknown): BotActivity => botActivitySchema.parse(value);
const token = { serviceUrl: SERVICE_URL, endorsements: ['msteams'] };
const expected = { botId: BOT_ID, tenantId: TENANT };

describe('the activity the bot endpoint reads', () => {
  it('reads a Teams message and keeps unknown fields out', () => {
    const activity = parse({ ...teamsMessage(), unexpected: 'x' });
    expect(activity.type).toBe('message');
    expect(activity).not.toHaveProperty('unexpected');
  });

  it.each([
    ['a missing type', { type: undefined }],
    ['a huge text', { text: 'x'.repeat(100_001) }],
    ['a huge conversation id', { conversation: { id: 'a'.repeat(1025), tenantId: TENANT } }],
    ['a serviceUrl that is not https', { serviceUrl: 'http://smba.trafficmanager.net/amer/' }],
    ['a serviceUrl that is not a URL', { serviceUrl: 'smba' }],
    ['a missing recipient', { recipient: undefined }],
  ])('refuses %s', (_name, overrides) => {
    expect(botActivitySchema.safeParse(teamsMessage(overrides)).success).toBe(false);
  });

  it('takes the tenant from conversation.tenantId or channelData.tenant.id, and none when they disagree', () => {
    expect(activityTenantId(parse(teamsMessage()))).toBe(TENANT);
    expect(activityTenantId(parse(teamsMessage({ conversation: { id: 'a:1' } })))).toBe(TENANT);
    expect(activityTenantId(parse(teamsMessage({ channelData: {} })))).toBe(TENANT);
    expect(
      activityTenantId(
        parse(teamsMessage({ channelData: { tenant: { id: '00000000-0000-4000-8000-000000000000' } } })),
      ),
    ).toBeNull();
    expect(
      activityTenantId(parse(teamsMessage({ conversation: { id: 'a:1' }, channelData: {} }))),
    ).toBeNull();
  });

  it('accepts a Teams activity for this bot, tenant and signed serviceUrl', () => {
    expect(activityRefusal(parse(teamsMessage()), token, expected)).toBeNull();
  });

  it('compares the GUIDs without regard to case', () => {
    const upper = teamsMessage({
      recipient: { id: `28:${BOT_ID.toUpperCase()}` },
      conversation: { id: 'a:1', tenantId: TENANT.toUpperCase() },
      channelData: { tenant: { id: TENANT.toUpperCase() } },
    });
    expect(activityRefusal(parse(upper), token, expected)).toBeNull();
  });

  it.each([
    ['not-endorsed', teamsMessage(), { ...token, endorsements: [] }],
    ['not-endorsed', teamsMessage({ channelId: 'webchat' }), token],
    ['wrong-channel', teamsMessage({ channelId: 'webchat' }), { ...token, endorsements: ['webchat'] }],
    ['service-url-mismatch', teamsMessage({ serviceUrl: 'https://attacker.example/amer/' }), token],
    ['service-url-mismatch', teamsMessage({ serviceUrl: 'https://smba.trafficmanager.net/emea/' }), token],
    [
      'wrong-tenant',
      teamsMessage({
        conversation: { id: 'a:1', tenantId: '00000000-0000-4000-8000-000000000000' },
        channelData: { tenant: { id: '00000000-0000-4000-8000-000000000000' } },
      }),
      token,
    ],
    [
      'wrong-tenant',
      teamsMessage({ channelData: { tenant: { id: '00000000-0000-4000-8000-000000000000' } } }),
      token,
    ],
    ['wrong-tenant', teamsMessage({ conversation: { id: 'a:1' }, channelData: {} }), token],
    [
      'wrong-recipient',
      teamsMessage({ recipient: { id: '28:b0b0b0b0-1111-4222-8333-444455556666' } }),
      token,
    ],
    ['wrong-recipient', teamsMessage({ recipient: { id: BOT_ID } }), token],
  ])('refuses %s', (reason, activity, signed) => {
    expect(activityRefusal(parse(activity), signed, expected)).toBe(reason);
  });
});
