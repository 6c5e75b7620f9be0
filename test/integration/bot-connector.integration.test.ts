import { MICROSOFT_ORIGINS, TENANT, person } from '../../dev/seed';
import type { ConversationRef } from '../../src/application/ports/bot-messenger';
import type { TokenSet } from '../../src/application/ports/microsoft';
import { startAdapterHarness, type AdapterHarness } from './support/adapter-harness';
import { INTEGRATION_APP } from './support/microsoft-sign-in';

const SERVICE_URL = `${MICROSOFT_ORIGINS.connector}/amer/`;
const card = (text: string) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text }],
});

describe('Bot Connector client against the simulator (real fetch egress to the connector host)', () => {
  let h: AdapterHarness;
  let token: string;
  const mia = person('mia');
  const open = (accessToken = token) =>
    h.call('bot', 'openPersonalConversation', accessToken, {
      serviceUrl: SERVICE_URL,
      tenantId: TENANT.id,
      botId: INTEGRATION_APP.clientId,
      userId: `29:${mia.oid}`,
    });

  beforeAll(async () => {
    h = await startAdapterHarness();
    const tokens = await h.value<TokenSet>('identity', 'clientCredentials', INTEGRATION_APP, 'bot-connector');
    token = tokens.accessToken;
  });
  afterAll(() => h.stop());

  it('cannot open a 1:1 chat with someone who has not added the app: forbidden, by its code', async () => {
    expect(await open()).toMatchObject({
      ok: false,
      name: 'MicrosoftRequestError',
      kind: 'forbidden',
      code: 'BotNotInConversationRoster',
      status: 403,
    });
  });

  it('opens the 1:1 chat once the app is added, sends a card and a text, and updates the card', async () => {
    h.microsoft.bot.install(mia.oid);
    const ref = await h.value<ConversationRef>('bot', 'openPersonalConversation', token, {
      serviceUrl: SERVICE_URL,
      tenantId: TENANT.id,
      botId: INTEGRATION_APP.clientId,
      userId: `29:${mia.oid}`,
    });
    expect(ref).toMatchObject({ serviceUrl: SERVICE_URL, tenantId: TENANT.id });
    expect(ref.conversationId).toMatch(/^a:/);
    // Teams answers the existing conversation when there is one.
    expect(
      await h.value<ConversationRef>('bot', 'openPersonalConversation', token, {
        serviceUrl: SERVICE_URL,
        tenantId: TENANT.id,
        botId: INTEGRATION_APP.clientId,
        userId: mia.oid,
      }),
    ).toEqual(ref);

    const sent = await h.value<{ activityId: string }>('bot', 'send', token, ref, {
      card: card('Your Confluence account is connected'),
      sendId: 'send-1',
    });
    await h.value('bot', 'send', token, ref, { text: 'Type help to see what I can do.' });
    await h.value('bot', 'update', token, ref, sent.activityId, { card: card('Updated'), sendId: 'send-1' });
    const chat = h.microsoft.bot.activities(mia.oid);
    expect(chat.map((a) => (a.card ? JSON.stringify(a.card) : a.text))).toEqual([
      expect.stringContaining('"Updated"'),
      'Type help to see what I can do.',
    ]);
  });

  it('is refused once the person removes the app', async () => {
    h.microsoft.bot.install(mia.oid);
    const ref = await h.value<ConversationRef>('bot', 'openPersonalConversation', token, {
      serviceUrl: SERVICE_URL,
      tenantId: TENANT.id,
      botId: INTEGRATION_APP.clientId,
      userId: mia.oid,
    });
    h.microsoft.bot.uninstall(mia.oid);
    expect(await h.call('bot', 'send', token, ref, { text: 'hello' })).toMatchObject({
      ok: false,
      kind: 'forbidden',
      status: 403,
    });
  });

  it('refuses a token for another audience, and a service URL that is not https, before any send', async () => {
    const graphToken = await h.value<TokenSet>('identity', 'clientCredentials', INTEGRATION_APP);
    expect(await open(graphToken.accessToken)).toMatchObject({
      ok: false,
      kind: 'token-rejected',
      status: 401,
    });
    const before = h.microsoft.requests().length;
    const plain = {
      serviceUrl: 'http://smba.trafficmanager.net/amer/',
      conversationId: 'a:1',
      tenantId: TENANT.id,
    };
    expect(await h.call('bot', 'send', token, plain, { text: 'hello' })).toMatchObject({
      ok: false,
      kind: 'invalid',
      code: 'InvalidServiceUrl',
    });
    expect(h.microsoft.requests().length).toBe(before);
  });

  it('caches the connector token in a plain key that expires with it', async () => {
    const token = { accessToken: 'connector-token-value', expiresAt: Date.now() + 3600_000, clientId: 'c' };
    await h.value('botTokens', 'put', token);
    expect(await h.value('botTokens', 'get')).toEqual(token);
    const stored = await h.value<{ value: unknown; expireTime?: string }>(
      'rawKvs',
      'getWithExpiry',
      'bot-connector-access',
    );
    expect(stored.value).toEqual(token);
    // Forge removes it when the token expires (TTL in whole seconds, from the emulator's clock).
    expect(stored.expireTime).toBeDefined();
    expect(h.forge.kvsDump().secretKeys).not.toContain('bot-connector-token');
  });

  it('keeps no connector token that has expired already', async () => {
    await h.value('rawKvs', 'set', 'bot-connector-access', { accessToken: 'x', expiresAt: 5, clientId: 'c' });
    await h.value('botTokens', 'put', { accessToken: 'stale-value', expiresAt: 1, clientId: 'c' });
    expect(JSON.stringify(h.forge.kvsDump().keys)).not.toContain('stale-value');
  });
});
