import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { Script } from 'node:vm';
import { startMicrosoftSimulator, type MicrosoftSimulator } from '../../../dev/ms-sim';
import { TENANT, person } from '../../../dev/seed';
import type { Json } from './support/graph-client';
import { botSendsCard } from './support/scripted-bot';

type Received = Record<string, Json>;

/**
 * A stand-in for the app's bot endpoint: records each activity and answers with what the test
 * scripted for invokes (Universal Actions answer in the body), 200 with no body otherwise.
 */
const startBotEndpoint = async () => {
  const received: Received[] = [];
  const script: { invokeAnswer: { status: number; body: unknown } } = {
    invokeAnswer: { status: 200, body: {} },
  };
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    req.on('end', () => {
      const activity = JSON.parse(body) as Received;
      received.push(activity);
      if (activity.type !== 'invoke') return res.writeHead(200).end();
      const { status, body: answer } = script.invokeAnswer;
      res.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/x1/bot-messages`,
    received,
    script,
    stop: () => new Promise((r) => server.close(r)),
  };
};

const card = (title: string, actions: Json[] = []) => ({
  type: 'AdaptiveCard',
  version: '1.4',
  body: [{ type: 'TextBlock', text: title }],
  actions,
});

describe('Microsoft simulator: the Teams view’s chat with the companion bot', () => {
  const mia = person('mia');
  const vic = person('vic');
  let sim: MicrosoftSimulator;
  let endpoint: Awaited<ReturnType<typeof startBotEndpoint>>;

  const post = async (path: string, body: unknown) => {
    const answer = await fetch(`${sim.url}/_sim/api/bot-chat/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: answer.status, json: (await answer.json()) as Json };
  };
  const chatOf = async (oid: string) =>
    (await (await fetch(`${sim.url}/_sim/api/bot-chat?oid=${encodeURIComponent(oid)}`)).json()) as Json;

  /** The app's side: the bot's token, its 1:1 conversation with the person, and a card sent there. */
  const botSends = (oid: string, content: Json): Promise<string> => botSendsCard(sim, oid, content);

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ throttle: false });
    endpoint = await startBotEndpoint();
    sim.botChannel.registerEndpoint(endpoint.url);
  });
  afterAll(async () => {
    await endpoint.stop();
    await sim.stop();
  });

  it('Add app sends the app an installationUpdate from the person, and their chat with the bot appears', async () => {
    const before = (await (await fetch(`${sim.url}/_sim/api/conversations`)).json()) as Json;
    expect(before.botChats.find((c: Json) => c.oid === mia.oid)).toMatchObject({ installed: false });

    const added = await post('install', { oid: mia.oid, action: 'add' });

    expect(added).toMatchObject({ status: 200, json: { status: 200 } });
    expect(endpoint.received.at(-1)).toMatchObject({
      type: 'installationUpdate',
      action: 'add',
      from: { aadObjectId: mia.oid },
      conversation: { conversationType: 'personal', tenantId: TENANT.id },
    });
    const after = (await (await fetch(`${sim.url}/_sim/api/conversations`)).json()) as Json;
    expect(after.botChats.find((c: Json) => c.oid === mia.oid)).toMatchObject({
      displayName: 'Mia Member',
      installed: true,
    });
    expect(await chatOf(mia.oid)).toMatchObject({
      person: { oid: mia.oid, displayName: 'Mia Member' },
      installed: true,
      items: [],
    });
  });

  it('Remove app sends installationUpdate remove, and the person no longer has the app', async () => {
    await post('install', { oid: vic.oid, action: 'add' });
    const removed = await post('install', { oid: vic.oid, action: 'remove' });
    expect(removed.status).toBe(200);
    expect(endpoint.received.at(-1)).toMatchObject({
      type: 'installationUpdate',
      action: 'remove',
      from: { aadObjectId: vic.oid },
    });
    expect(await chatOf(vic.oid)).toMatchObject({ installed: false });
  });

  it('a typed message reaches the bot as a message activity and shows in the chat after the bot’s cards', async () => {
    await botSends(mia.oid, card('Welcome to Teams for Confluence'));

    const sent = await post('send', { oid: mia.oid, text: 'help' });

    expect(sent).toMatchObject({ status: 200, json: { status: 200 } });
    expect(endpoint.received.at(-1)).toMatchObject({
      type: 'message',
      text: 'help',
      from: { aadObjectId: mia.oid },
    });
    const chat = await chatOf(mia.oid);
    expect(chat.items.map((i: Json) => [i.from, i.text ?? i.card.body[0].text])).toEqual([
      ['bot', 'Welcome to Teams for Confluence'],
      ['person', 'help'],
    ]);
    expect(sim.bot.activities(mia.oid)).toHaveLength(1); // what the person typed is not the bot's
  });

  it('Action.Execute sends the invoke Teams sends, and a card answer replaces the card in the chat', async () => {
    const activityId = await botSends(
      mia.oid,
      card('Disconnect your Confluence account?', [
        { type: 'Action.Execute', title: 'Disconnect', verb: 'disconnect-confirmed' },
      ]),
    );
    endpoint.script.invokeAnswer = {
      status: 200,
      body: {
        statusCode: 200,
        type: 'application/vnd.microsoft.card.adaptive',
        value: card('Disconnected'),
      },
    };

    const acted = await post('action', {
      oid: mia.oid,
      activityId,
      verb: 'disconnect-confirmed',
      data: { note: 'typed into an Input.Text' },
    });

    expect(endpoint.received.at(-1)).toMatchObject({
      type: 'invoke',
      name: 'adaptiveCard/action',
      replyToId: activityId,
      from: { aadObjectId: mia.oid },
      value: {
        action: {
          type: 'Action.Execute',
          verb: 'disconnect-confirmed',
          data: { note: 'typed into an Input.Text' },
        },
        trigger: 'manual',
      },
    });
    expect(acted).toMatchObject({ status: 200, json: { outcome: { kind: 'card' } } });
    const replaced = sim.bot.activities(mia.oid).find((a) => a.id === activityId);
    expect(replaced).toMatchObject({ card: card('Disconnected'), updatedAt: expect.any(Number) });
    const shown = (await chatOf(mia.oid)).items.find((i: Json) => i.id === activityId);
    expect(shown.card.body[0].text).toBe('Disconnected');
  });

  it.each([
    [
      'a message answer as its text',
      { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'Done.' },
      { kind: 'message', text: 'Done.' },
    ],
    [
      'an error answer as its message',
      {
        statusCode: 400,
        type: 'application/vnd.microsoft.error',
        value: { code: 'BadRequest', message: 'No such action.' },
      },
      { kind: 'error', text: 'No such action.' },
    ],
    ['an empty answer as nothing', {}, { kind: 'nothing' }],
  ])('Action.Execute shows %s and leaves the card as it was', async (_what, body, outcome) => {
    const activityId = await botSends(mia.oid, card('Keep me'));
    endpoint.script.invokeAnswer = { status: 200, body };
    const acted = await post('action', { oid: mia.oid, activityId, verb: 'anything', data: {} });
    expect(acted).toMatchObject({ status: 200, json: { outcome } });
    expect(sim.bot.activities(mia.oid).find((a) => a.id === activityId)?.card).toEqual(card('Keep me'));
  });

  it('says when the bot endpoint fails the invoke', async () => {
    const activityId = await botSends(mia.oid, card('Still here'));
    endpoint.script.invokeAnswer = { status: 500, body: { error: 'boom' } };
    const acted = await post('action', { oid: mia.oid, activityId, verb: 'x', data: {} });
    expect(acted.json.outcome).toMatchObject({ kind: 'error', text: expect.stringContaining('500') });
  });

  it('serves the page with the bot chat’s script, its compose box and the Apps section', async () => {
    const html = await (await fetch(sim.teamsViewUrl)).text();
    expect(html).toContain('/_sim/static/teams-bot-chat.js');
    expect(html).toContain('<ul id="apps"');
    expect(html).toContain('<form id="compose"');
    const served = await (await fetch(`${sim.url}/_sim/static/teams-bot-chat.js`)).text();
    const file = await readFile(path.join(__dirname, '../../../dev/ms-sim/public/teams-bot-chat.js'), 'utf8');
    expect(served).toBe(file);
    expect(() => new Script(file)).not.toThrow();
    for (const hook of ["'/_sim/api/bot-chat'", "'data-activity-id'", "'add-app'", "'remove-app'"])
      expect(file).toContain(hook);
  });

  it('refuses requests it cannot act on', async () => {
    expect((await post('install', { oid: 'nobody', action: 'add' })).status).toBe(404);
    expect((await post('install', { oid: mia.oid, action: 'upgrade' })).status).toBe(400);
    expect((await post('send', { oid: mia.oid, text: '   ' })).status).toBe(400);
    expect((await post('action', { oid: mia.oid, activityId: '1:999', verb: 'x' })).status).toBe(404);
    expect((await fetch(`${sim.url}/_sim/api/bot-chat?oid=nobody`)).status).toBe(404);
  });
});
