import { startMicrosoftSimulator, type MicrosoftSimulator } from '../../../dev/ms-sim';
import { CHATS, MICROSOFT_ORIGINS, TEAMS, person } from '../../../dev/seed';
import { loginAs, REDIRECT_URI } from './support/entra-client';
import { graph } from './support/graph-client';

const ENGINEERING = TEAMS[0];
const MARKETING = TEAMS[1];
const bind = (key: Parameters<typeof person>[0]) => ({
  '@odata.type': '#microsoft.graph.aadUserConversationMember',
  roles: ['owner'],
  'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${person(key).oid}')`,
});

/** Follows @odata.nextLink to the end, collecting ids, the way the app's picker does. */
async function collect(sim: MicrosoftSimulator, token: string, first: string) {
  const ids: string[] = [];
  const links: string[] = [];
  let next: string | undefined = first;
  while (next) {
    const page = await graph(sim, token, next);
    expect(page.status).toBe(200);
    ids.push(...(page.json.value as { id: string }[]).map((v) => v.id));
    next = page.json['@odata.nextLink'] as string | undefined;
    if (next) links.push(next);
  }
  return { ids, links };
}

describe('Microsoft simulator: Graph directory endpoints', () => {
  let sim: MicrosoftSimulator;
  const token: Record<string, string> = {};

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ throttle: false });
    sim.registerRedirectUri(REDIRECT_URI);
    for (const key of ['ada', 'mia', 'sam'] as const) token[key] = (await loginAs(sim, key)).access_token;
    token.adaChats = (
      await loginAs(sim, 'ada', 'openid offline_access Chat.ReadBasic Chat.Create')
    ).access_token;
  });
  afterAll(() => sim.stop());

  it('GET /me answers the signed-in user', async () => {
    const me = await graph(sim, token.ada, '/me');
    expect(me.status).toBe(200);
    expect(me.json).toMatchObject({
      id: person('ada').oid,
      userPrincipalName: person('ada').upn,
      displayName: 'Ada Admin',
    });
    expect(me.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('answers 401 InvalidAuthenticationToken without a token or with a tampered one', async () => {
    const none = await graph(sim, null, '/me');
    expect(none.status).toBe(401);
    expect(none.json.error).toMatchObject({
      code: 'InvalidAuthenticationToken',
      message: 'Access token is empty.',
    });
    expect(none.json.error.innerError).toMatchObject({
      'request-id': expect.any(String),
      'client-request-id': expect.any(String),
    });
    expect(none.json.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
    const [head, body] = token.mia.split('.');
    const forged = `${head}.${body}.${Buffer.from('not the signature').toString('base64url')}`;
    expect((await graph(sim, forged, '/me')).status).toBe(401);
    expect((await graph(sim, 'garbage', '/me')).status).toBe(401);
  });

  it('pages /me/joinedTeams with an absolute nextLink on the real Graph origin', async () => {
    const { ids, links } = await collect(sim, token.ada, '/me/joinedTeams?$top=1');
    expect(ids).toEqual([ENGINEERING.id, MARKETING.id]);
    expect(links).toHaveLength(1);
    expect(links[0]).toMatch(
      new RegExp(`^${MICROSOFT_ORIGINS.graph}/v1\\.0/me/joinedTeams\\?\\$top=1&\\$skiptoken=`),
    );
    const sam = await graph(sim, token.sam, '/me/joinedTeams');
    expect((sam.json.value as { id: string }[]).map((t) => t.id)).toEqual([ENGINEERING.id]);
  });

  it('lists private channels only to their members, and pages channels', async () => {
    const ada = await collect(sim, token.ada, `/teams/${ENGINEERING.id}/channels?$top=2`);
    expect(ada.ids).toEqual(ENGINEERING.channels.map((c) => c.id));
    expect(ada.links).toHaveLength(1);
    const mia = await graph(sim, token.mia, `/teams/${ENGINEERING.id}/channels`);
    const miaChannels = mia.json.value as { id: string; membershipType: string }[];
    expect(miaChannels.map((c) => c.id)).toEqual([
      '19:eng-general@thread.tacv2',
      '19:eng-releases@thread.tacv2',
    ]);
    expect(miaChannels.every((c) => c.membershipType === 'standard')).toBe(true);
  });

  it('refuses the channel list of a team the user is not in, and 404s an unknown team', async () => {
    const sam = await graph(sim, token.sam, `/teams/${MARKETING.id}/channels`);
    expect(sam.status).toBe(403);
    expect(sam.json.error.code).toBe('Forbidden');
    expect((await graph(sim, token.sam, '/teams/00000000-0000-0000-0000-000000000000/channels')).status).toBe(
      404,
    );
  });

  it('pages /me/chats through nextLink, including chats created with POST /chats', async () => {
    const group = await graph(sim, token.adaChats, '/chats', {
      body: { chatType: 'group', topic: 'Launch', members: [bind('ada'), bind('sam'), bind('vic')] },
    });
    expect(group.status).toBe(201);
    expect(group.json).toMatchObject({ chatType: 'group', topic: 'Launch' });
    const oneOnOne = await graph(sim, token.adaChats, '/chats', {
      body: { chatType: 'oneOnOne', members: [bind('ada'), bind('mia')] },
    });
    expect(oneOnOne.status).toBe(201);
    const again = await graph(sim, token.adaChats, '/chats', {
      body: { chatType: 'oneOnOne', members: [bind('mia'), bind('ada')] },
    });
    expect(again.json.id).toBe(oneOnOne.json.id);

    const { ids, links } = await collect(sim, token.adaChats, '/me/chats?$top=1');
    expect(ids).toEqual([CHATS[0].id, group.json.id, oneOnOne.json.id]);
    expect(links).toHaveLength(2);
    const mia = await graph(sim, token.mia, '/me/chats');
    expect((mia.json.value as { id: string }[]).map((c) => c.id)).toEqual([CHATS[0].id, oneOnOne.json.id]);
  });

  it('caps /me/chats at $top=50 and refuses a bad $skiptoken', async () => {
    expect((await graph(sim, token.ada, '/me/chats?$top=51')).status).toBe(400);
    expect((await graph(sim, token.ada, '/me/chats?$top=50')).status).toBe(200);
    expect((await graph(sim, token.ada, '/me/chats?$skiptoken=nonsense')).status).toBe(400);
  });

  it('answers 403 Forbidden naming the missing permission', async () => {
    const narrow = (await loginAs(sim, 'mia', 'openid User.Read')).access_token;
    const answer = await graph(sim, narrow, '/me/joinedTeams');
    expect(answer.status).toBe(403);
    expect(answer.json.error.code).toBe('Forbidden');
    expect(answer.json.error.message).toContain('Team.ReadBasic.All');
    expect(answer.json.error.message).toContain("Scopes on the request 'User.Read'");
  });

  it('answers 400 for an unknown resource and for another Graph version', async () => {
    expect((await graph(sim, token.ada, '/me/unknownThing')).status).toBe(400);
    const beta = await graph(sim, token.ada, `${MICROSOFT_ORIGINS.graph}/beta/me`);
    expect(beta.status).toBe(400);
    expect(beta.json.error.code).toBe('BadRequest');
  });
});
