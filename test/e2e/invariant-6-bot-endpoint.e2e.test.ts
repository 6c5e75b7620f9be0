import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import { startTestSandbox } from '../support/sandbox-fixture';
import { saveTenant } from '../support/notification-fixture';

/** Written by design on any request: the rate-limited health record and the published keys' cache. */
const ALLOWED_WRITES = new Set(['bot-health', 'bot-signing-keys']);

const storedState = (sandbox: Sandbox) => {
  const dump = sandbox.forge.kvsDump();
  const keys = Object.fromEntries(Object.entries(dump.keys).filter(([key]) => !ALLOWED_WRITES.has(key)));
  return { keys, entities: dump.entities, secretKeys: [...dump.secretKeys].sort() };
};

/** What reached Microsoft from the app besides fetching the Bot Framework's keys. */
const sentToMicrosoft = (sandbox: Sandbox) => ({
  botActivities: sandbox.microsoft.bot.activities().length,
  messages: sandbox.microsoft.messages().length,
  requests: sandbox.microsoft.requests().filter((r) => !/\/botframework\/|\/_sim\//.test(r.url)).length,
});

const OTHER_TENANT = '00000000-0000-4000-8000-0000000000aa';
const OTHER_BOT = 'b0b0b0b0-1111-4222-8333-444455556666';

describe('invariant 6: the bot endpoint authenticates every request before it changes anything', () => {
  const mia = person('mia');
  let sandbox: Sandbox;
  let botUrl: string;

  beforeAll(async () => {
    // The app checks token lifetimes against the real clock, so this sandbox runs on it too.
    sandbox = await startTestSandbox();
    botUrl = sandbox.forge.webTriggerUrl('bot-messages');
    await saveTenant(sandbox);
  });
  afterAll(() => sandbox.stop());

  it('answers a correctly signed Teams message with 200, and caches only the published keys', async () => {
    const answer = await sandbox.microsoft.botChannel.send({ from: mia.oid, activity: { text: 'help' } });
    expect(answer).toMatchObject({ status: 200 });
    const dump = sandbox.forge.kvsDump();
    const cached = dump.keys['bot-signing-keys'] as { keys: Array<{ kid: string; endorsements: string[] }> };
    expect(cached.keys.map((k) => k.kid).sort()).toEqual(
      sandbox.microsoft.botChannel
        .publishedKeys()
        .map((k) => k.kid)
        .sort(),
    );
    expect(dump.keys['bot-health']).toMatchObject({ lastRequestAt: expect.any(String) });
    // Its work went to the queue: the welcome (Mia has not logged in) and the answer to "help".
    await sandbox.forge.idle();
    const chat = sandbox.microsoft.bot.activities(mia.oid).map((a) => JSON.stringify(a.card ?? a.text));
    expect(chat).toEqual([
      expect.stringContaining('Welcome to Teams for Confluence'),
      expect.stringContaining('What I can do'),
    ]);
  });

  it('answers an invoke it does not handle with 200 {}', async () => {
    const answer = await sandbox.microsoft.botChannel.send({
      from: mia.oid,
      activity: { type: 'invoke', name: 'composeExtension/onCardButtonClicked', value: {} },
    });
    expect(answer).toEqual({ status: 200, body: {} });
  });

  const now = () => Math.floor(Date.now() / 1000);

  it.each([
    ['an unsigned request', 401, { token: null }],
    ['a token signed with alg none', 401, { token: { unsigned: true } }],
    ['an expired token', 401, { token: { notBefore: now() - 7200, expires: now() - 3600 } }],
    ['a token not valid yet', 401, { token: { notBefore: now() + 3600 } }],
    ['a token for another bot (audience)', 401, { token: { audience: OTHER_BOT } }],
    [
      'a token from another issuer',
      401,
      { token: { issuer: 'https://sts.windows.net/d6d49420-f39b-4df7-a1dc-d59a935871db/' } },
    ],
    ['a token signed by a key nobody published', 401, { token: { key: 'unpublished' } }],
    ['a key without the msteams endorsement', 403, { token: { key: 'unendorsed' } }],
    [
      'a serviceUrl that differs from its claim',
      403,
      {
        activity: { serviceUrl: 'https://smba.trafficmanager.net/emea/' },
        token: { serviceUrl: 'https://smba.trafficmanager.net/amer/' },
      },
    ],
    [
      'another tenant',
      403,
      {
        activity: {
          conversation: { id: 'a:1other', tenantId: OTHER_TENANT, conversationType: 'personal' },
          channelData: { tenant: { id: OTHER_TENANT } },
        },
      },
    ],
    ['tenant fields that disagree', 403, { activity: { channelData: { tenant: { id: OTHER_TENANT } } } }],
    ['another channel', 403, { activity: { channelId: 'webchat' } }],
    ['an activity addressed to another bot', 403, { activity: { recipient: { id: `28:${OTHER_BOT}` } } }],
    ['a body that is not an activity', 400, { activity: { type: '' } }],
    ['an oversized body', 413, { activity: { text: 'x'.repeat(300 * 1024) } }],
  ] as const)('refuses %s (%i), stores nothing and sends nothing', async (_name, status, request) => {
    const before = storedState(sandbox);
    const sentBefore = sentToMicrosoft(sandbox);
    const answer = await sandbox.microsoft.botChannel.send({ from: mia.oid, ...request });
    expect(answer.status).toBe(status);
    expect(answer.body).toEqual({ error: expect.any(String), message: expect.any(String) });
    expect(storedState(sandbox)).toEqual(before);
    expect(sentToMicrosoft(sandbox)).toEqual(sentBefore);
  });

  it.each(['GET', 'PUT', 'DELETE'])('refuses %s with 405 and stores nothing', async (method) => {
    const before = storedState(sandbox);
    const response = await fetch(botUrl, { method });
    expect(response.status).toBe(405);
    expect(storedState(sandbox)).toEqual(before);
  });

  it('refuses a request with two Authorization headers', async () => {
    const token = sandbox.microsoft.botChannel.signToken();
    const response = await fetch(botUrl, {
      method: 'POST',
      headers: [
        ['Authorization', `Bearer ${token}`],
        ['Authorization', `Bearer ${token}`],
        ['Content-Type', 'application/json'],
      ],
      body: JSON.stringify(sandbox.microsoft.botChannel.activity(mia.oid)),
    });
    expect(response.status).toBe(401);
  });

  it('writes the failure record at most once a minute, whatever is sent', async () => {
    await sandbox.microsoft.botChannel.send({ from: mia.oid, token: null });
    const first = sandbox.forge.kvsDump().keys['bot-health'];
    for (let i = 0; i < 5; i += 1)
      await sandbox.microsoft.botChannel.send({ from: mia.oid, token: { audience: OTHER_BOT } });
    expect(sandbox.forge.kvsDump().keys['bot-health']).toEqual(first);
    expect(first).toMatchObject({ lastAuthFailureAt: expect.any(String) });
  });
});
