import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Script } from 'node:vm';
import { startMicrosoftSimulator, type MicrosoftSimulator } from '../../../dev/ms-sim';
import { CHATS, TEAMS } from '../../../dev/seed';
import { loginAs, REDIRECT_URI } from './support/entra-client';
import { cardMessage, channelMessagesPath, graph, simpleCard, type Json } from './support/graph-client';

const ENGINEERING = TEAMS[0];
const GENERAL = ENGINEERING.channels[0];

describe('Microsoft simulator: Teams-like view', () => {
  let sim: MicrosoftSimulator;
  let rootId = '';

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ throttle: false });
    sim.registerRedirectUri(REDIRECT_URI);
    const ada = (await loginAs(sim, 'ada')).access_token;
    const mia = (await loginAs(sim, 'mia')).access_token;
    const path = channelMessagesPath(ENGINEERING.id, GENERAL.id);
    rootId = (await graph(sim, ada, path, { body: cardMessage(simpleCard('Spec **approved**')) })).json.id;
    await graph(sim, mia, `${path}/${rootId}/replies`, { body: { body: { content: 'Thanks!' } } });
  });
  afterAll(() => sim.stop());

  it('serves the page with the renderer scripts and stable hooks', async () => {
    const answer = await fetch(sim.teamsViewUrl);
    expect(answer.status).toBe(200);
    const html = await answer.text();
    for (const asset of [
      'markdown-it.min.js',
      'adaptivecards.min.js',
      'teams-message-view.js',
      'teams-view.js',
      'teams-view.css',
    ]) {
      expect(html).toContain(`/_sim/static/${asset}`);
    }
    expect(html).toContain('<nav id="rail" aria-label="Teams and chats">');
    expect(html).toContain('data-conversation-id=""');
    expect(html).toContain('id="theme-toggle"');
  });

  it.each([
    ['adaptivecards.min.js', 'AdaptiveCards'],
    ['markdown-it.min.js', 'markdownit'],
    ['teams-message-view.js', 'data-testid'],
    ['teams-view.js', 'TeamsMessageView'],
    ['teams-view.css', '--accent'],
  ])('serves %s', async (asset, marker) => {
    const answer = await fetch(`${sim.url}/_sim/static/${asset}`);
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain(marker);
  });

  it('ships page scripts that parse and carry the hooks browser tests use', async () => {
    const read = (name: string) => readFile(path.join(__dirname, '../../../dev/ms-sim/public', name), 'utf8');
    const page = await read('teams-view.js');
    const messages = await read('teams-message-view.js');
    expect(() => new Script(page)).not.toThrow();
    expect(() => new Script(messages)).not.toThrow();
    for (const hook of [
      "'data-testid': 'message'",
      "'data-testid': 'card'",
      "'data-conversation-id'",
      'onProcessMarkdown',
      'OpenUrlAction',
    ]) {
      expect(messages).toContain(hook);
    }
    expect(page).toContain('REFRESH_MS = 2000');
    expect(page).toContain("'data-conversation-id'");
  });

  it('lists teams with channels (private ones marked) and chats', async () => {
    const data = (await (await fetch(`${sim.url}/_sim/api/conversations`)).json()) as Json;
    expect(data.teams.map((t: { id: string }) => t.id)).toEqual(TEAMS.map((t) => t.id));
    const leads = data.teams[0].channels.find((c: { id: string }) => c.id === '19:eng-leads@thread.tacv2');
    expect(leads).toMatchObject({ membershipType: 'private', members: ['Ada Admin', 'Sam Spaceadmin'] });
    expect(data.teams[0].channels[0]).toMatchObject({ id: GENERAL.id, messageCount: 2 });
    expect(data.chats[0]).toMatchObject({ id: CHATS[0].id, topic: 'Docs crew' });
  });

  it('answers a conversation’s messages with parsed cards and nested replies', async () => {
    const answer = await fetch(
      `${sim.url}/_sim/api/conversations/${encodeURIComponent(GENERAL.id)}/messages`,
    );
    const data = (await answer.json()) as Json;
    expect(data.conversation).toMatchObject({
      id: GENERAL.id,
      kind: 'channel',
      title: 'Engineering › General',
    });
    expect(data.messages).toHaveLength(1);
    expect(data.messages[0]).toMatchObject({ id: rootId, from: { displayName: 'Ada Admin' } });
    expect(data.messages[0].attachments[0].card.body[0].text).toBe('Spec **approved**');
    expect(data.messages[0].replies).toMatchObject([
      { body: { content: 'Thanks!' }, from: { displayName: 'Mia Member' } },
    ]);
    expect((await fetch(`${sim.url}/_sim/api/conversations/nope/messages`)).status).toBe(404);
  });

  it('turns a Teams message deep link (webUrl) into the view of its conversation', async () => {
    const answer = await fetch(
      `${sim.teamsViewUrl}/l/message/${encodeURIComponent(GENERAL.id)}/${rootId}?groupId=x`,
      { redirect: 'manual' },
    );
    expect(answer.status).toBe(302);
    expect(answer.headers.get('location')).toBe(`/teams?conversation=${encodeURIComponent(GENERAL.id)}`);
  });
});
