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

  it('the message action sends fetchTask with the whole message; its dialog’s submit sends submitAction with the inputs', async () => {
    const root = sim.teams.postComposed({ from: mia.oid, conversation: GENERAL, text: 'Link to a page' });
    const dialog = card('Comment on Runbook', [{ type: 'Action.Submit', title: 'Comment' }]);
    bot.answer('composeExtension/fetchTask', {
      body: {
        task: {
          type: 'continue',
          value: { title: 'Comment in Confluence', card: { contentType: ADAPTIVE, content: dialog } },
        },
      },
    });

    const fetched = await sim.teams.messageAction({
      from: mia.oid,
      conversation: GENERAL,
      messageId: root.id,
    });

    expect(fetched.outcome).toEqual({ kind: 'card', title: 'Comment in Confluence', card: dialog });
    const stored = sim.messages().find((m) => m.id === root.id)!;
    expect(bot.last()).toMatchObject({
      name: 'composeExtension/fetchTask',
      conversation: { conversationType: 'channel', id: `${GENERAL};messageid=${root.id}` },
      value: {
        commandId: 'commentOnMessage',
        commandContext: 'message',
        messagePayload: {
          id: root.id,
          linkToMessage: `https://teams.microsoft.com/l/message/${GENERAL}/${root.id}`,
          createdDateTime: stored.createdDateTime,
          body: { contentType: 'html', content: stored.body.content },
          from: { user: { id: mia.oid, displayName: 'Mia Member', userIdentityType: 'aadUser' } },
          attachments: [],
        },
      },
    });

    bot.answer('composeExtension/submitAction', {
      body: { task: { type: 'message', value: 'Comment added' } },
    });
    const submitted = await sim.teams.submitAction({
      from: mia.oid,
      conversation: GENERAL,
      messageId: root.id,
      data: { comment: 'Looks right' },
    });
    expect(submitted.outcome).toEqual({ kind: 'message', text: 'Comment added' });
    expect(bot.last()).toMatchObject({
      name: 'composeExtension/submitAction',
      value: {
        commandId: 'commentOnMessage',
        commandContext: 'message',
        data: { comment: 'Looks right' },
        messagePayload: { id: root.id },
      },
    });

    bot.answer('composeExtension/submitAction', {
      body: { composeExtension: { type: 'message', text: 'Connect first' } },
    });
    expect(
      (await sim.teams.submitAction({ from: mia.oid, conversation: GENERAL, messageId: root.id, data: {} }))
        .outcome,
    ).toEqual({ kind: 'message', text: 'Connect first' });
    bot.answer('composeExtension/submitAction', { body: {} });
    expect(
      (await sim.teams.submitAction({ from: mia.oid, conversation: GENERAL, messageId: root.id, data: {} }))
        .outcome,
    ).toEqual({ kind: 'close' });
  });

  it('an Action.Execute on the app’s card in a channel is an adaptiveCard/action there; the new card is the presser’s only', async () => {
    const posted = sim.teams.postComposed({ from: mia.oid, conversation: GENERAL, cards: [card('Runbook')] });
    const commented = card('You commented');
    bot.answer('adaptiveCard/action', { body: { statusCode: 200, type: ADAPTIVE, value: commented } });

    const { outcome } = await sim.teams.executeOnMessage({
      from: mia.oid,
      conversation: GENERAL,
      messageId: posted.id,
      verb: 'comment',
      data: { comment: 'Nice' },
    });

    expect(outcome).toEqual({ kind: 'card', card: commented });
    expect(bot.last()).toMatchObject({
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: posted.id,
      conversation: { conversationType: 'channel', id: `${GENERAL};messageid=${posted.id}` },
      channelData: { channel: { id: GENERAL } },
      value: {
        action: { type: 'Action.Execute', verb: 'comment', data: { comment: 'Nice' } },
        trigger: 'manual',
      },
    });
    const seenBy = async (oid: string) => {
      const view = (await (
        await fetch(`${sim.url}/_sim/api/conversations/${encodeURIComponent(GENERAL)}/messages?as=${oid}`)
      ).json()) as { messages: Array<{ id: string; attachments: Array<{ card: unknown }> }> };
      return view.messages.find((m) => m.id === posted.id)?.attachments[0]?.card;
    };
    expect(await seenBy(mia.oid)).toEqual(commented);
    expect(await seenBy(rex.oid)).toEqual(card('Runbook'));
    expect(sim.messages().find((m) => m.id === posted.id)?.attachments[0]?.card).toEqual(card('Runbook'));
  });

  it('gives up after Teams’ 5 seconds: “The app did not answer in time”', async () => {
    bot.answer('composeExtension/query', { delayMs: 6000, body: {} });
    const { answer, outcome } = await sim.teams.search({ from: mia.oid, query: 'slow' });
    expect(answer).toEqual({ status: 0, timedOut: true });
    expect(outcome).toEqual({ kind: 'error', text: 'The app did not answer in time.' });
  }, 15_000);

  describe('the Teams view’s API under /_sim/api/teams', () => {
    const post = async (route: string, body: unknown) => {
      const answer = await fetch(`${sim.url}/_sim/api/teams/${route}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: answer.status, json: (await answer.json()) as Record<string, unknown> };
    };

    it('tells the page the app’s name and link domains', async () => {
      const app = await (await fetch(`${sim.url}/_sim/api/teams/app`)).json();
      expect(app).toEqual({
        name: 'Teams for Confluence',
        appId: sim.teams.app().appId,
        linkDomains: [SITE],
      });
    });

    it('answers the app’s status and Teams’ outcome, and refuses bad requests with a reason', async () => {
      bot.answer('composeExtension/query', { body: { composeExtension: { type: 'message', text: 'Hi' } } });
      expect(await post('search', { oid: mia.oid, conversation: GENERAL, query: 'x' })).toEqual({
        status: 200,
        json: { status: 200, outcome: { kind: 'message', text: 'Hi' } },
      });
      expect(await post('search', { conversation: GENERAL })).toMatchObject({ status: 400 });
      expect(await post('fetch-task', { oid: mia.oid, conversation: GENERAL, messageId: 'nope' })).toEqual({
        status: 404,
        json: { error: 'No such message in this channel or chat.' },
      });
      expect(await post('post', { oid: mia.oid, conversation: GENERAL, text: '', cards: [] })).toMatchObject({
        status: 400,
        json: { error: 'Type a message or add a card.' },
      });
      expect((await fetch(`${sim.url}/_sim/api/teams/nothing`, { method: 'POST', body: '{}' })).status).toBe(
        404,
      );
    });
  });
});
