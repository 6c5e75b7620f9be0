import { startMicrosoftSimulator, type MicrosoftSimulator } from '../../../dev/ms-sim';
import { TEAMS } from '../../../dev/seed';
import { loginAs, REDIRECT_URI } from './support/entra-client';
import { cardMessage, graph, simpleCard } from './support/graph-client';

const ENGINEERING = TEAMS[0];
const GENERAL = ENGINEERING.channels[0];
const RELEASES = ENGINEERING.channels[1];
const relative = (channelId: string) =>
  `/teams/${ENGINEERING.id}/channels/${encodeURIComponent(channelId)}/messages`;
const json = { 'Content-Type': 'application/json' };

describe('Microsoft simulator: $batch', () => {
  let sim: MicrosoftSimulator;
  let token = '';
  const now = Date.parse('2026-11-20T10:00:00Z');

  beforeAll(async () => {
    // A clock that stands still keeps every inner request in the same throttling second.
    sim = await startMicrosoftSimulator({ clock: () => now });
    sim.registerRedirectUri(REDIRECT_URI);
    token = (await loginAs(sim, 'ada')).access_token;
  });
  afterAll(() => sim.stop());
  afterEach(() => sim.faults.clear());

  const batch = (requests: unknown) => graph(sim, token, '/$batch', { body: { requests } });

  it('runs each request and answers { responses: [{ id, status, headers, body }] }', async () => {
    const answer = await batch([
      { id: '1', method: 'GET', url: '/me' },
      { id: '2', method: 'POST', url: relative(GENERAL.id), headers: json, body: cardMessage(simpleCard()) },
      { id: '3', method: 'GET', url: 'me/joinedTeams?$top=1' },
      {
        id: '4',
        method: 'POST',
        url: relative(RELEASES.id),
        headers: json,
        body: { body: { content: 'plain' }, attachments: [{ id: 'x', contentType: 'text/plain' }] },
      },
    ]);
    expect(answer.status).toBe(200);
    const byId = Object.fromEntries((answer.json.responses as { id: string }[]).map((r) => [r.id, r]));
    expect(byId['1']).toMatchObject({
      status: 200,
      body: { displayName: 'Ada Admin' },
      headers: { 'Content-Type': expect.stringContaining('application/json') },
    });
    expect(byId['2']).toMatchObject({ status: 201, body: { channelIdentity: { channelId: GENERAL.id } } });
    expect(byId['3']).toMatchObject({
      status: 200,
      body: { '@odata.nextLink': expect.stringContaining('$skiptoken=') },
    });
    expect(byId['4']).toMatchObject({ status: 400, body: { error: { code: 'BadRequest' } } });
    expect(sim.messages().filter((m) => m.channelId === GENERAL.id)).toHaveLength(1);
  });

  it('answers 424 for a request whose dependency failed', async () => {
    const answer = await batch([
      { id: 'a', method: 'GET', url: '/teams/00000000-0000-0000-0000-000000000000/channels' },
      { id: 'b', method: 'GET', url: '/me', dependsOn: ['a'] },
    ]);
    expect(answer.json.responses.map((r: { status: number }) => r.status)).toEqual([404, 424]);
  });

  it.each([
    [
      'more than 20 requests',
      Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/me' })),
      /exceeds the limit of 20/,
    ],
    [
      'duplicate ids',
      [
        { id: '1', method: 'GET', url: '/me' },
        { id: '1', method: 'GET', url: '/me' },
      ],
      /unique/,
    ],
    ['an absolute URL', [{ id: '1', method: 'GET', url: 'https://graph.microsoft.com/v1.0/me' }], /relative/],
    [
      'a body without Content-Type',
      [{ id: '1', method: 'POST', url: relative(GENERAL.id), body: {} }],
      /Content-Type/,
    ],
    ['no requests', [], /at least one/],
    [
      'a nested batch',
      [{ id: '1', method: 'POST', url: '/$batch', headers: json, body: { requests: [] } }],
      /another batch/,
    ],
    ['an unknown dependency', [{ id: '1', method: 'GET', url: '/me', dependsOn: ['9'] }], /depends on '9'/],
  ])('refuses a batch with %s (400)', async (_name, requests, message) => {
    const answer = await batch(requests);
    expect(answer.status).toBe(400);
    expect(answer.json.error.code).toBe('BadRequest');
    expect(answer.json.error.message).toMatch(message);
  });

  it('throttles inner requests one by one (4 per second per channel)', async () => {
    const requests = Array.from({ length: 6 }, (_, i) => ({
      id: String(i + 1),
      method: 'POST',
      url: relative(RELEASES.id),
      headers: json,
      body: { body: { content: `message ${i + 1}` } },
    }));
    const answer = await batch(requests);
    expect(answer.status).toBe(200);
    const statuses = answer.json.responses.map((r: { status: number }) => r.status);
    expect(statuses.filter((s: number) => s === 201).length).toBeLessThanOrEqual(4);
    const throttled = answer.json.responses.filter((r: { status: number }) => r.status === 429);
    expect(throttled.length).toBeGreaterThanOrEqual(2);
    expect(throttled[0]).toMatchObject({
      headers: { 'Retry-After': '1' },
      body: { error: { code: 'TooManyRequests' } },
    });
  });

  it('draws injected 429/503 faults for each inner request, not for the batch', async () => {
    sim.faults.set({ rate503: 1, retryAfterSeconds: 7 });
    const answer = await batch([
      { id: '1', method: 'GET', url: '/me' },
      { id: '2', method: 'GET', url: '/me/chats' },
    ]);
    expect(answer.status).toBe(200);
    for (const inner of answer.json.responses) {
      expect(inner).toMatchObject({
        status: 503,
        headers: { 'Retry-After': '7' },
        body: { error: { code: 'ServiceNotAvailable' } },
      });
    }
  });

  it('passes the caller’s token to inner requests, and a batch without one gets inner 401s', async () => {
    const anonymous = await graph(sim, null, '/$batch', {
      body: { requests: [{ id: '1', method: 'GET', url: '/me' }] },
    });
    expect(anonymous.status).toBe(200);
    expect(anonymous.json.responses[0]).toMatchObject({
      status: 401,
      body: { error: { code: 'InvalidAuthenticationToken' } },
    });
  });
});
