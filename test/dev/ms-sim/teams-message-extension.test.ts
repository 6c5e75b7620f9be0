import { importJWK, jwtVerify } from 'jose';
import { startMicrosoftSimulator, TeamsRefusal, type MicrosoftSimulator } from '../../../dev/ms-sim';
import { ENTRA_APP, TENANT, TEAMS, person } from '../../../dev/seed';
import { startScriptedBot } from './support/scripted-bot';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const GENERAL = '19:eng-general@thread.tacv2';
const LEADS = '19:eng-leads@thread.tacv2';
const DOCS_CREW = '19:docs-crew@thread.v2';
const SITE = 'wiki.example.test:8443';
const card = (title: string, actions: unknown[] = []) => ({
  type: 'AdaptiveCard',
  version: '1.4',
  body: [{ type: 'TextBlock', text: title }],
  actions,
});
const result = (title: string) => ({
  contentType: ADAPTIVE,
  content: card(title),
  preview: { contentType: 'application/vnd.microsoft.card.thumbnail', content: { title, text: 'ENG' } },
});

describe('Microsoft simulator: a person uses the companion app’s message extension in Teams', () => {
  const mia = person('mia');
  const rex = person('rex');
  let sim: MicrosoftSimulator;
  let bot: Awaited<ReturnType<typeof startScriptedBot>>;

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ throttle: false });
    bot = await startScriptedBot();
    sim.botChannel.registerEndpoint(bot.url);
    sim.teams.configureApp({ linkDomains: [SITE] });
    sim.bot.install(mia.oid);
  });
  afterAll(async () => {
    await bot.stop();
    await sim.stop();
  });

  it('opening the search extension in a channel sends the initialRun query, signed as Teams signs it, from the person in that channel', async () => {
    bot.answer('composeExtension/query', {
      body: {
        composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [result('Runbook')] },
      },
    });

    const { answer, outcome } = await sim.teams.search({ from: mia.oid, conversation: GENERAL });

    expect(outcome).toEqual({
      kind: 'results',
      items: [{ title: 'Runbook', text: 'ENG', card: card('Runbook') }],
    });
    expect(answer.status).toBe(200);
    const { headers, activity } = bot.received.at(-1)!;
    const [endorsed] = sim.botChannel.publishedKeys();
    const key = await importJWK({ kty: 'RSA', n: endorsed.n, e: endorsed.e }, 'RS256');
    const token = /^Bearer (.+)$/.exec(headers.authorization ?? '')?.[1] ?? '';
    const { payload } = await jwtVerify(token, key, {
      issuer: 'https://api.botframework.com',
      audience: ENTRA_APP.clientId,
    });
    expect(payload.serviceurl).toBe(activity.serviceUrl);
    const engineering = TEAMS[0];
    expect(activity).toMatchObject({
      type: 'invoke',
      name: 'composeExtension/query',
      channelId: 'msteams',
      from: { aadObjectId: mia.oid, name: 'Mia Member' },
      recipient: { id: `28:${ENTRA_APP.clientId}` },
      conversation: { conversationType: 'channel', id: GENERAL, isGroup: true, tenantId: TENANT.id },
      channelData: {
        tenant: { id: TENANT.id },
        team: { id: GENERAL, aadGroupId: engineering.id, name: 'Engineering' },
        channel: { id: GENERAL, name: 'General' },
      },
      value: {
        commandId: 'searchConfluence',
        commandContext: 'compose',
        parameters: [{ name: 'initialRun', value: 'true' }],
        queryOptions: { skip: 0, count: 25 },
      },
    });
  });

  it('typing sends the query and space parameters; a chat is a groupChat conversation', async () => {
    await sim.teams.search({ from: mia.oid, conversation: DOCS_CREW, query: 'run"book', space: 'ENG' });
    expect(bot.last()).toMatchObject({
      conversation: { conversationType: 'groupChat', id: DOCS_CREW, tenantId: TENANT.id },
      value: {
        parameters: [
          { name: 'query', value: 'run"book' },
          { name: 'space', value: 'ENG' },
        ],
      },
    });
    expect(bot.last()).not.toHaveProperty('channelData.team');
    await sim.teams.search({ from: mia.oid, query: 'x', commandId: 'unknownCommand' });
    expect(bot.last()).toMatchObject({ value: { commandId: 'unknownCommand' } });
  });

  it.each([
    [
      'a sign-in answer as its openUrl action',
      {
        composeExtension: {
          type: 'auth',
          suggestedActions: {
            actions: [{ type: 'openUrl', title: 'Connect', value: 'https://wiki.example.test/personal' }],
          },
        },
      },
      { kind: 'auth', title: 'Connect', url: 'https://wiki.example.test/personal' },
    ],
    [
      'a message answer as its text',
      { composeExtension: { type: 'message', text: 'Nothing found' } },
      { kind: 'message', text: 'Nothing found' },
    ],
    [
      'a result without a preview as an error',
      { composeExtension: { type: 'result', attachments: [{ contentType: ADAPTIVE, content: card('x') }] } },
      { kind: 'error', text: expect.stringContaining('without a preview') },
    ],
    [
      'an empty answer as an error',
      {},
      { kind: 'error', text: expect.stringContaining('Teams does not show') },
    ],
  ])('shows %s', async (_, body, expected) => {
    bot.answer('composeExtension/query', { body });
    expect((await sim.teams.search({ from: mia.oid, query: 'x' })).outcome).toEqual(expected);
  });

  it('an answer other than 200 is an error line, with the raw status kept', async () => {
    bot.answer('composeExtension/query', { status: 500, body: { error: 'boom' } });
    const { answer, outcome } = await sim.teams.search({ from: mia.oid, query: 'x' });
    expect(answer).toEqual({ status: 500, body: { error: 'boom' } });
    expect(outcome).toEqual({ kind: 'error', text: "The app's bot endpoint answered HTTP 500." });
  });

  it('only a person who added the app can use it, and only where they can see: nothing reaches the app otherwise', async () => {
    const before = bot.received.length;
    await expect(sim.teams.search({ from: rex.oid, query: 'x' })).rejects.toThrow(
      'Rex Restricted has not added Teams for Confluence',
    );
    sim.bot.install(rex.oid);
    await expect(sim.teams.search({ from: rex.oid, conversation: LEADS })).rejects.toMatchObject({
      status: 403,
    });
    await expect(sim.teams.search({ from: rex.oid, conversation: DOCS_CREW })).rejects.toBeInstanceOf(
      TeamsRefusal,
    );
    expect(bot.received.length).toBe(before);
  });

  it('pasting a link to the app’s domain sends queryLink with the URL; the first card is the preview, {} is none', async () => {
    bot.answer('composeExtension/queryLink', {
      body: {
        composeExtension: { type: 'result', attachmentLayout: 'list', attachments: [result('Runbook')] },
      },
    });
    const url = `https://${SITE}/wiki/spaces/ENG/pages/42/Runbook`;
    const pasted = await sim.teams.pasteLink({ from: mia.oid, conversation: GENERAL, text: `see ${url}.` });
    expect(bot.last()).toMatchObject({ name: 'composeExtension/queryLink', value: { url } });
    expect(pasted.outcome).toEqual({ kind: 'preview', card: card('Runbook') });

    bot.answer('composeExtension/queryLink', { body: {} });
    expect((await sim.teams.pasteLink({ from: mia.oid, url })).outcome).toEqual({ kind: 'none' });
  });

  it('a link to another host is not sent to the app at all', async () => {
    const before = bot.received.length;
    await expect(
      sim.teams.pasteLink({ from: mia.oid, url: 'https://other.example.test/wiki/spaces/ENG/pages/42' }),
    ).rejects.toMatchObject({ status: 422 });
    expect(bot.received.length).toBe(before);
  });

  it('Send posts the text and the app’s card as the person, marked with the app’s id, where everyone sees it', async () => {
    const posted = sim.teams.postComposed({
      from: mia.oid,
      conversation: GENERAL,
      text: 'Have a look <b>now</b>',
      cards: [card('Runbook', [{ type: 'Action.Execute', title: 'Comment', verb: 'comment' }])],
    });
    const message = sim.messages().find((m) => m.id === posted.id)!;
    expect(message).toMatchObject({
      conversationId: GENERAL,
      from: { oid: mia.oid, displayName: 'Mia Member' },
      body: { contentType: 'html', content: expect.stringContaining('Have a look &lt;b&gt;now&lt;/b&gt;') },
      attachments: [
        { contentType: ADAPTIVE, teamsAppId: sim.teams.app().appId, card: { type: 'AdaptiveCard' } },
      ],
    });
    const view = (await (
      await fetch(`${sim.url}/_sim/api/conversations/${encodeURIComponent(GENERAL)}/messages`)
    ).json()) as { messages: Array<{ id: string }> };
    expect(view.messages.map((m) => m.id)).toContain(posted.id);
  });

  it('a card Teams would refuse is not posted', () => {
    const count = sim.messages().length;
    expect(() =>
      sim.teams.postComposed({
        from: mia.oid,
        conversation: GENERAL,
        cards: [{ type: 'AdaptiveCard', body: 'x' }],
      }),
    ).toThrow(TeamsRefusal);
    expect(sim.messages()).toHaveLength(count);
  });
});
