import { startMicrosoftSimulator, type MicrosoftSimulator } from '../../../dev/ms-sim';
import { person } from '../../../dev/seed';
import { startScriptedBot } from './support/scripted-bot';

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const GENERAL = '19:eng-general@thread.tacv2';
const SITE = 'wiki.example.test:8443';
const card = (title: string, actions: unknown[] = []) => ({
  type: 'AdaptiveCard',
  version: '1.4',
  body: [{ type: 'TextBlock', text: title }],
  actions,
});
/** The message action, Action.Execute on the app's cards, Teams' time limit and the view's API. */
describe('Microsoft simulator: a person uses the companion app on channel messages in Teams', () => {
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
