import { startMicrosoftSimulator, type MicrosoftSimulator } from '../../../dev/ms-sim';
import { MESSAGES_PER_CHANNEL_PER_DAY } from '../../../dev/ms-sim/graph/throttle';
import { CHATS, TEAMS } from '../../../dev/seed';
import { grantAdminConsent, loginAs, REDIRECT_URI } from './support/entra-client';
import { cardMessage, channelMessagesPath, graph, simpleCard } from './support/graph-client';

const ENGINEERING = TEAMS[0];
const GENERAL_PATH = channelMessagesPath(ENGINEERING.id, ENGINEERING.channels[0].id);
const RELEASES_PATH = channelMessagesPath(ENGINEERING.id, ENGINEERING.channels[1].id);
const CHAT_PATH = `/chats/${encodeURIComponent(CHATS[0].id)}/messages`;
/** What the app asks for at sign-in: sending, and editing its own channel messages. */
const SEND_AND_EDIT = 'openid ChannelMessage.Send ChannelMessage.ReadWrite ChatMessage.Send';

/** What the notification engine relies on: threads, edits, and Teams' limits, enforced. */
describe('Microsoft simulator: threads, edits and limits the notification engine relies on', () => {
  let sim: MicrosoftSimulator;
  let now = Date.parse('2026-11-20T10:00:00Z');
  let token = '';

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ clock: () => now });
    sim.registerRedirectUri(REDIRECT_URI);
    await grantAdminConsent(sim, 'https://graph.microsoft.com/.default');
    token = (await loginAs(sim, 'ada', SEND_AND_EDIT)).access_token;
  });
  afterAll(() => sim.stop());
  beforeEach(() => {
    now += 60_000; // a fresh second for the per-second budget
  });

  it('grants ChannelMessage.ReadWrite through the app registration (.default) after admin consent', async () => {
    const mia = (await loginAs(sim, 'mia', SEND_AND_EDIT)).access_token;
    const posted = await graph(sim, mia, GENERAL_PATH, { body: cardMessage(simpleCard('v1')) });
    const edit = await graph(sim, mia, `${GENERAL_PATH}/${posted.json.id}`, {
      method: 'PATCH',
      body: cardMessage(simpleCard('v2')),
    });
    expect(edit.status).toBe(204);
  });

  it('has no threads in chats: a reply there is refused and stores nothing', async () => {
    const root = await graph(sim, token, CHAT_PATH, { body: cardMessage(simpleCard()) });
    expect(root.status).toBe(201);
    const before = sim.messages().length;
    const reply = await graph(sim, token, `${CHAT_PATH}/${root.json.id}/replies`, {
      body: cardMessage(simpleCard()),
    });
    expect(reply.status).toBe(400);
    expect(sim.messages()).toHaveLength(before);
  });

  it('refuses to edit a chat message without Chat.ReadWrite', async () => {
    const root = await graph(sim, token, CHAT_PATH, { body: cardMessage(simpleCard()) });
    const edit = await graph(sim, token, `${CHAT_PATH}/${root.json.id}`, {
      method: 'PATCH',
      body: cardMessage(simpleCard('v2')),
    });
    expect(edit.status).toBe(403);
    expect(edit.json.error.message).toMatch(/Chat\.ReadWrite/);
  });

  it('counts edits and replies against 4 requests per second per channel, with Retry-After', async () => {
    const root = await graph(sim, token, GENERAL_PATH, { body: cardMessage(simpleCard()) });
    const messagePath = `${GENERAL_PATH}/${root.json.id}`;
    expect(
      (await graph(sim, token, messagePath, { method: 'PATCH', body: cardMessage(simpleCard('v2')) })).status,
    ).toBe(204);
    expect(
      (await graph(sim, token, `${messagePath}/replies`, { body: cardMessage(simpleCard()) })).status,
    ).toBe(201);
    expect(
      (await graph(sim, token, `${messagePath}/replies`, { body: cardMessage(simpleCard()) })).status,
    ).toBe(201);
    const fifth = await graph(sim, token, messagePath, {
      method: 'PATCH',
      body: cardMessage(simpleCard('v3')),
    });
    expect(fifth.status).toBe(429);
    expect(fifth.headers.get('retry-after')).toBe('1');
    now += 1000;
    expect(
      (await graph(sim, token, messagePath, { method: 'PATCH', body: cardMessage(simpleCard('v3')) })).status,
    ).toBe(204);
  });

  it('counts replies, not edits, against 3,000 messages per channel per day', async () => {
    now = Date.parse('2026-11-21T00:00:00Z');
    token = (await loginAs(sim, 'ada', SEND_AND_EDIT)).access_token;
    const root = await graph(sim, token, RELEASES_PATH, { body: cardMessage(simpleCard()) });
    const messagePath = `${RELEASES_PATH}/${root.json.id}`;
    for (let i = 1; i < MESSAGES_PER_CHANNEL_PER_DAY; i += 1) {
      now += 1000;
      const reply = await graph(sim, token, `${messagePath}/replies`, {
        body: { body: { content: `r${i}` } },
      });
      if (reply.status !== 201) throw new Error(`reply ${i} answered ${reply.status}`);
    }
    now += 1000;
    const over = await graph(sim, token, `${messagePath}/replies`, {
      body: { body: { content: 'one too many' } },
    });
    expect(over.status).toBe(429);
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThan(3600);
    expect((await graph(sim, token, RELEASES_PATH, { body: { body: { content: 'new' } } })).status).toBe(429);
    now += 1000;
    expect(
      (
        await graph(sim, token, messagePath, {
          method: 'PATCH',
          body: cardMessage(simpleCard('still editable')),
        })
      ).status,
    ).toBe(204);
  }, 60_000);
});
