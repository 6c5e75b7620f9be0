import { startMicrosoftSimulator, type MicrosoftSimulator } from '../../../dev/ms-sim';
import { CHATS, TEAMS, TENANT, person } from '../../../dev/seed';
import { grantAdminConsent, loginAs, REDIRECT_URI } from './support/entra-client';
import { cardMessage, channelMessagesPath, graph, simpleCard, type Json } from './support/graph-client';

const ENGINEERING = TEAMS[0];
const MARKETING = TEAMS[1];
const GENERAL = ENGINEERING.channels[0];
const LEADS = ENGINEERING.channels[2];
const DOCS_CREW = CHATS[0];
const GENERAL_PATH = channelMessagesPath(ENGINEERING.id, GENERAL.id);

describe('Microsoft simulator: posting messages', () => {
  let sim: MicrosoftSimulator;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ throttle: false });
    sim.registerRedirectUri(REDIRECT_URI);
    for (const key of ['ada', 'sam', 'mia', 'rex'] as const)
      token[key] = (await loginAs(sim, key)).access_token;
  });
  afterAll(() => sim.stop());

  /** Messages posted since `before` (tests share one simulator, whose tokens a reset would void). */
  let before = 0;
  beforeEach(() => {
    before = sim.messages().length;
  });
  const postedHere = () => sim.messages().slice(before);

  const post = (who: string, path: string, body: unknown) => graph(sim, token[who] ?? '', path, { body });
  const expectRefused = (
    answer: { status: number; json: Json },
    status: number,
    code: string,
    text: string | RegExp,
  ) => {
    expect(answer.status).toBe(status);
    expect(answer.json.error.code).toBe(code);
    expect(answer.json.error.message).toMatch(text);
  };

  it('accepts a valid Adaptive Card and answers 201 with the chatMessage', async () => {
    const card = simpleCard();
    const answer = await post('sam', GENERAL_PATH, cardMessage(card));
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({
      id: expect.stringMatching(/^\d{13}$/),
      replyToId: null,
      messageType: 'message',
      chatId: null,
      from: { user: { id: person('sam').oid, displayName: 'Sam Spaceadmin', userIdentityType: 'aadUser' } },
      body: { contentType: 'html', content: '<attachment id="card-1"></attachment>' },
      channelIdentity: { teamId: ENGINEERING.id, channelId: GENERAL.id },
      attachments: [
        {
          id: 'card-1',
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: JSON.stringify(card),
        },
      ],
    });
    expect(answer.json.webUrl).toContain(
      `https://teams.microsoft.com/l/message/${encodeURIComponent(GENERAL.id)}/${answer.json.id}`,
    );
    expect(answer.json.webUrl).toContain(`tenantId=${TENANT.id}`);

    const [posted] = postedHere();
    expect(posted).toMatchObject({
      id: answer.json.id,
      conversationType: 'channel',
      conversationId: GENERAL.id,
      teamId: ENGINEERING.id,
      from: { oid: person('sam').oid, displayName: 'Sam Spaceadmin' },
    });
    expect(posted?.attachments[0]?.card).toEqual(card);
  });

  it('refuses a token without ChannelMessage.Send', async () => {
    const readOnly = (await loginAs(sim, 'sam', 'openid Team.ReadBasic.All')).access_token;
    const answer = await graph(sim, readOnly, GENERAL_PATH, { body: cardMessage(simpleCard()) });
    expectRefused(answer, 403, 'Forbidden', /ChannelMessage\.Send/);
  });

  it('refuses non-members of the team and of a private channel', async () => {
    expectRefused(
      await post(
        'sam',
        channelMessagesPath(MARKETING.id, MARKETING.channels[0].id),
        cardMessage(simpleCard()),
      ),
      403,
      'Forbidden',
      /not a member of the team/,
    );
    expectRefused(
      await post('mia', channelMessagesPath(ENGINEERING.id, LEADS.id), cardMessage(simpleCard())),
      403,
      'Forbidden',
      /private channel/,
    );
    expect(
      (await post('sam', channelMessagesPath(ENGINEERING.id, LEADS.id), cardMessage(simpleCard()))).status,
    ).toBe(201);
    expect(
      (
        await post(
          'sam',
          channelMessagesPath(ENGINEERING.id, '19:nope@thread.tacv2'),
          cardMessage(simpleCard()),
        )
      ).status,
    ).toBe(404);
  });

  it('posts replies and lists them; replies take no subject', async () => {
    const root = await post('ada', GENERAL_PATH, {
      subject: 'Release 1.2',
      body: { content: 'Shipping today' },
    });
    expect(root.status).toBe(201);
    const repliesPath = `${GENERAL_PATH}/${root.json.id}/replies`;
    const reply = await post('mia', repliesPath, cardMessage(simpleCard('A reply card')));
    expect(reply.status).toBe(201);
    expect(reply.json.replyToId).toBe(root.json.id);
    expectRefused(
      await post('mia', repliesPath, { subject: 'x', body: { content: 'y' } }),
      400,
      'BadRequest',
      /subject/,
    );
    expect((await post('mia', `${GENERAL_PATH}/1234/replies`, { body: { content: 'y' } })).status).toBe(404);

    const admin = (await loginAs(sim, 'ada', 'openid ChannelMessage.Read.All')).access_token;
    const listed = await graph(sim, admin, repliesPath);
    expect((listed.json.value as { id: string }[]).map((m) => m.id)).toEqual([reply.json.id]);
    const roots = await graph(sim, admin, `${GENERAL_PATH}?$expand=replies`);
    expect(roots.json.value[0]).toMatchObject({
      id: root.json.id,
      subject: 'Release 1.2',
      replies: [{ id: reply.json.id }],
    });

    const [rootPosted, replyPosted] = postedHere();
    expect(rootPosted?.replies.map((r) => r.id)).toEqual([reply.json.id]);
    expect(replyPosted?.replyToId).toBe(root.json.id);
  });

  it('posts to a chat the user is in and refuses other users', async () => {
    const path = `/chats/${encodeURIComponent(DOCS_CREW.id)}/messages`;
    const answer = await post('mia', path, cardMessage(simpleCard()));
    expect(answer.status).toBe(201);
    expect(answer.json).toMatchObject({ chatId: DOCS_CREW.id, channelIdentity: null });
    expectRefused(
      await post('rex', path, cardMessage(simpleCard())),
      403,
      'Forbidden',
      /not a member of the chat/,
    );
    expect(postedHere()).toMatchObject([{ conversationType: 'chat', conversationId: DOCS_CREW.id }]);
    const list = await graph(sim, token.mia, path);
    expect(list.status).toBe(403);
  });

  it('lets only the sender PATCH a message (204) and re-checks the result', async () => {
    const readWrite = (
      await loginAs(sim, 'ada', 'openid ChannelMessage.Send ChannelMessage.ReadWrite ChannelMessage.Read.All')
    ).access_token;
    const created = await graph(sim, readWrite, GENERAL_PATH, { body: cardMessage(simpleCard('v1')) });
    const messagePath = `${GENERAL_PATH}/${created.json.id}`;
    const update = await graph(sim, readWrite, messagePath, {
      method: 'PATCH',
      body: cardMessage(simpleCard('v2')),
    });
    expect(update.status).toBe(204);
    const fetched = await graph(sim, readWrite, messagePath);
    expect(JSON.parse(fetched.json.attachments[0].content).body[0].text).toBe('v2');
    expect(fetched.json.lastEditedDateTime).not.toBeNull();

    const broken = await graph(sim, readWrite, messagePath, {
      method: 'PATCH',
      body: { body: { contentType: 'html', content: 'no card' } },
    });
    expect(broken.status).toBe(400);
    const readOnly = await graph(sim, readWrite, messagePath, {
      method: 'PATCH',
      body: { createdDateTime: '2020-01-01T00:00:00Z' },
    });
    expect(readOnly.status).toBe(400);

    // ChannelMessage.ReadWrite needs an administrator's consent before Sam may sign in with it.
    await grantAdminConsent(sim, 'https://graph.microsoft.com/ChannelMessage.ReadWrite');
    const samWrite = (await loginAs(sim, 'sam', 'openid ChannelMessage.ReadWrite')).access_token;
    const other = await graph(sim, samWrite, messagePath, {
      method: 'PATCH',
      body: cardMessage(simpleCard('hijack')),
    });
    expectRefused(other, 403, 'Forbidden', /Only the user who sent/);
    const noScope = await graph(sim, token.ada, messagePath, {
      method: 'PATCH',
      body: cardMessage(simpleCard('v3')),
    });
    expectRefused(noScope, 403, 'Forbidden', /ChannelMessage\.ReadWrite/);
  });
});
