import { MicrosoftRequestError } from '../../../../../src/application/ports/microsoft';
import { doBotWork, type BotWorkDeps } from '../../../../../src/application/use-cases/bot/bot-work';
import type { Connection } from '../../../../../src/domain/connection';
import type { Conversation } from '../../../../../src/domain/conversation';
import { aRule } from '../../../../support/builders';
import {
  aConversation,
  countingIdentity,
  fakeConversations,
  memoryBotRegistrations,
  memoryBotTokens,
  memoryNotices,
  scriptedBot,
} from '../../../../support/bot-fakes';
import {
  fakeConfluence,
  fakeConnections,
  fakePreferenceStore,
  fakeRuleStore,
  fakeTenants,
  fixedClock,
} from '../../../../support/fakes';
import { aConnection, aTenantMapping } from '../../../../support/settings-builders';

const SITE = 'https://acme.atlassian.net';
const MIA = aConnection({
  accountId: 'mia',
  oid: 'oid-1',
  tenantId: 'tenant-1',
  connectedAt: '2026-12-01T09:00:00.000Z',
});

const setup = (
  options: { conversations?: Conversation[]; connections?: Connection[]; bot?: Array<Error | 'ok'> } = {},
) => {
  const conversations = fakeConversations(options.conversations ?? [aConversation()]);
  const bot = scriptedBot(options.bot);
  const identity = countingIdentity();
  const deps: BotWorkDeps = {
    tenants: fakeTenants(aTenantMapping({ siteUrl: SITE }), 'secret'),
    identity,
    botTokens: memoryBotTokens(),
    botRegistrations: memoryBotRegistrations(),
    clock: fixedClock('2026-12-03T10:00:00Z'),
    conversations,
    connections: fakeConnections(options.connections ?? []),
    rules: fakeRuleStore([
      aRule({ ownerAccountId: 'mia', destination: { type: 'personal' } }),
      aRule({ ownerAccountId: 'mia', scopeKey: 'space:ENG' }),
    ]),
    people: fakeConfluence({ displayNameOf: async (id) => (id === 'mia' ? 'Mia Member' : id) }).people,
    bot,
    urls: { personalPageUrl: (site) => `${site}/wiki/apps/app/env/microsoft-teams` },
    preferences: fakePreferenceStore(),
    notices: memoryNotices(),
  };
  return { deps, conversations, bot, identity };
};

const greet = { kind: 'greet', microsoftUser: 'tenant-1:oid-1' } as const;

describe('the companion bot in the 1:1 chat', () => {
  it('welcomes a person who added the app before logging in, once, with a link to Confluence', async () => {
    const { deps, bot, conversations } = setup();
    expect(await doBotWork(deps, greet, 1)).toEqual({ kind: 'sent', what: 'welcome' });
    expect(await doBotWork(deps, greet, 1)).toEqual({ kind: 'nothing', why: 'already welcomed' });
    expect(bot.texts()).toHaveLength(1);
    expect(bot.texts()[0]).toContain('Welcome to Teams for Confluence');
    expect(bot.texts()[0]).toContain(`${SITE}/wiki/apps/app/env/microsoft-teams`);
    expect(conversations.conversationOf('tenant-1:oid-1')?.welcomed).toBe(true);
  });

  it('confirms a login that came first as soon as the app is added (connection in either order)', async () => {
    const { deps, bot } = setup({ conversations: [], connections: [MIA] });
    // The login finished before the app was there: nothing to send to yet.
    expect(await doBotWork(deps, { kind: 'confirm-connection', accountId: 'mia' }, 1)).toEqual({
      kind: 'not-installed',
    });
    await deps.conversations.put(aConversation());
    expect(await doBotWork(deps, greet, 1)).toEqual({ kind: 'sent', what: 'connected' });
    expect(bot.texts()[0]).toContain('Your Confluence account **Mia Member** is connected');
  });

  it('confirms a login that came second at once, and only once per login', async () => {
    const { deps, bot } = setup({ connections: [MIA] });
    const confirm = { kind: 'confirm-connection', accountId: 'mia', siteUrl: SITE } as const;
    expect(await doBotWork(deps, confirm, 1)).toEqual({ kind: 'sent', what: 'connected' });
    expect(await doBotWork(deps, confirm, 1)).toEqual({ kind: 'nothing', why: 'already confirmed' });
    expect(await doBotWork(deps, greet, 1)).toEqual({ kind: 'nothing', why: 'already confirmed' });
    expect(bot.sent()).toHaveLength(1);
  });

  it('says so when the person disconnects, and confirms the next login again', async () => {
    const { deps, bot } = setup({ connections: [MIA] });
    await doBotWork(deps, { kind: 'confirm-connection', accountId: 'mia' }, 1);
    expect(
      await doBotWork(deps, { kind: 'disconnected', microsoftUser: 'tenant-1:oid-1', siteUrl: SITE }, 1),
    ).toEqual({ kind: 'sent', what: 'disconnected' });
    expect(bot.texts()[1]).toContain('no longer connected');
    expect(await doBotWork(deps, { kind: 'confirm-connection', accountId: 'mia' }, 1)).toMatchObject({
      kind: 'sent',
    });
  });

  it('answers help, status and disconnect; disconnect asks first with a button', async () => {
    const { deps, bot } = setup({ connections: [MIA] });
    for (const command of ['help', 'status', 'disconnect', 'unknown'] as const)
      await doBotWork(deps, { kind: 'command', microsoftUser: 'tenant-1:oid-1', command }, 1);
    const [help, status, disconnect, unknown] = bot.texts();
    expect(help).toContain('disconnect');
    expect(status).toContain('Connected as Mia Member');
    expect(status).toContain(
      'pages you watch, @mentions, comments on your content, replies to your comments, 1 of your rules',
    );
    expect(disconnect).toContain('Action.Execute');
    expect(disconnect).toContain('disconnect-confirmed');
    expect(unknown).toBe('I did not understand that. Type help to see what I can do.');
  });

  it('offers the welcome to a person who types disconnect without being connected', async () => {
    const { deps, bot } = setup();
    await doBotWork(deps, { kind: 'command', microsoftUser: 'tenant-1:oid-1', command: 'disconnect' }, 1);
    expect(bot.texts()[0]).toContain('Welcome to Teams for Confluence');
  });

  it('writes nothing to a person who removed the app, and marks them when Teams refuses', async () => {
    const removed = setup({ conversations: [aConversation({ installed: false })] });
    expect(await doBotWork(removed.deps, greet, 1)).toEqual({ kind: 'not-installed' });
    expect(removed.bot.sent()).toHaveLength(0);

    const blocked = new MicrosoftRequestError('forbidden', 403, 'MessageWritesBlocked', 'blocked');
    const { deps, conversations } = setup({ bot: [blocked] });
    expect(await doBotWork(deps, greet, 1)).toEqual({ kind: 'not-installed' });
    expect(conversations.conversationOf('tenant-1:oid-1')?.installed).toBe(false);
  });

  it('fetches a new bot token once when the connector refuses the cached one', async () => {
    const refused = new MicrosoftRequestError('token-rejected', 401, 'Unauthorized', 'refused');
    const { deps, bot, identity } = setup({ bot: [refused] });
    expect(await doBotWork(deps, greet, 1)).toEqual({ kind: 'sent', what: 'welcome' });
    expect(bot.sent()[0]?.token).toBe('bot-token-2');
    expect(identity.audiences()).toEqual(['bot-connector', 'bot-connector']);
  });

  it('hands throttling back to the queue with Retry-After', async () => {
    const throttled = new MicrosoftRequestError('throttled', 429, 'TooManyRequests', 'slow down', 12);
    const { deps } = setup({ bot: [throttled] });
    expect(await doBotWork(deps, greet, 1)).toMatchObject({ kind: 'retry', retryAfterSeconds: 12 });
  });
});
