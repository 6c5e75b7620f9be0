import { startMicrosoftSimulator, type MicrosoftSimulator } from '../../../dev/ms-sim';
import { MESSAGES_PER_CHANNEL_PER_DAY, Throttle } from '../../../dev/ms-sim/graph/throttle';
import { TEAMS } from '../../../dev/seed';
import { loginAs, REDIRECT_URI } from './support/entra-client';
import { channelMessagesPath, graph } from './support/graph-client';

const ENGINEERING = TEAMS[0];
const GENERAL_PATH = channelMessagesPath(ENGINEERING.id, ENGINEERING.channels[0].id);
const RELEASES_PATH = channelMessagesPath(ENGINEERING.id, ENGINEERING.channels[1].id);

describe('Microsoft simulator: injected faults', () => {
  let sim: MicrosoftSimulator;
  let token = '';

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ throttle: false });
    sim.registerRedirectUri(REDIRECT_URI);
    token = (await loginAs(sim, 'ada')).access_token;
  });
  afterAll(() => sim.stop());
  afterEach(() => sim.faults.clear());

  it('answers 429 TooManyRequests with Retry-After', async () => {
    sim.faults.set({ rate429: 1, retryAfterSeconds: 3 });
    const answer = await graph(sim, token, '/me');
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('3');
    expect(answer.json.error.code).toBe('TooManyRequests');
  });

  it('answers 503 with Retry-After, and posts nothing while failing', async () => {
    sim.faults.set({ rate503: 1 });
    const answer = await graph(sim, token, GENERAL_PATH, { body: { body: { content: 'hello' } } });
    expect(answer.status).toBe(503);
    expect(answer.headers.get('retry-after')).toBe('1');
    expect(sim.messages()).toHaveLength(0);
  });

  it('drops the connection without an answer', async () => {
    sim.faults.set({ dropRate: 1 });
    await expect(graph(sim, token, '/me')).rejects.toThrow();
    sim.faults.clear();
    expect((await graph(sim, token, '/me')).status).toBe(200);
  });

  it('adds latency', async () => {
    sim.faults.set({ latencyMs: 150 });
    const started = Date.now();
    expect((await graph(sim, token, '/me')).status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('leaves the sign-in endpoints alone', async () => {
    sim.faults.set({ rate429: 1, rate503: 1 });
    expect((await loginAs(sim, 'mia')).access_token).toBeDefined();
  });

  it('can be switched over HTTP: GET/POST /_sim/faults', async () => {
    const set = await fetch(`${sim.url}/_sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ rate429: 0.5, latencyMs: 5 }),
    });
    expect(set.status).toBe(200);
    expect(await set.json()).toEqual({
      rate429: 0.5,
      rate503: 0,
      dropRate: 0,
      latencyMs: 5,
      retryAfterSeconds: 1,
    });
    expect(sim.faults.get().rate429).toBe(0.5);
    const bad = await fetch(`${sim.url}/_sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ rate429: 2 }),
    });
    expect(bad.status).toBe(400);
    const unknown = await fetch(`${sim.url}/_sim/faults`, {
      method: 'POST',
      body: JSON.stringify({ chaos: 1 }),
    });
    expect(unknown.status).toBe(400);
    expect(() => sim.faults.set({ dropRate: -1 })).toThrow(/between 0 and 1/);
    sim.faults.clear();
    expect(await (await fetch(`${sim.url}/_sim/faults`)).json()).toMatchObject({ rate429: 0, latencyMs: 0 });
  });
});

describe('Microsoft simulator: Teams throttling limits', () => {
  let sim: MicrosoftSimulator;
  let token = '';
  let now = Date.parse('2026-11-20T10:00:00Z');

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ clock: () => now });
    sim.registerRedirectUri(REDIRECT_URI);
    token = (await loginAs(sim, 'ada')).access_token;
  });
  afterAll(() => sim.stop());

  it('allows 4 requests per second to one channel, then answers 429 with Retry-After', async () => {
    const send = (path: string) => graph(sim, token, path, { body: { body: { content: 'tick' } } });
    for (let i = 0; i < 4; i += 1) expect((await send(GENERAL_PATH)).status).toBe(201);
    const fifth = await send(GENERAL_PATH);
    expect(fifth.status).toBe(429);
    expect(fifth.headers.get('retry-after')).toBe('1');
    expect(fifth.json.error.code).toBe('TooManyRequests');
    // Another channel has its own budget; the first one recovers after a second.
    expect((await send(RELEASES_PATH)).status).toBe(201);
    now += 1000;
    expect((await send(GENERAL_PATH)).status).toBe(201);
  });

  it('counts 3,000 messages per channel per UTC day', () => {
    let clock = Date.parse('2026-11-20T00:00:00Z');
    const throttle = new Throttle(() => clock);
    const target = { keys: ['channel:t/c'], postsToChannel: 'channel:t/c' };
    for (let i = 0; i < MESSAGES_PER_CHANNEL_PER_DAY; i += 1) {
      clock += 1000; // one per second stays under the per-second limit
      expect(throttle.admit(target).ok).toBe(true);
    }
    clock += 1000;
    const refused = throttle.admit(target);
    expect(refused).toMatchObject({ ok: false });
    expect(refused.ok ? 0 : refused.retryAfterSeconds).toBe(24 * 3600 - (MESSAGES_PER_CHANNEL_PER_DAY + 1));
    expect(throttle.admit({ keys: ['channel:t/other'], postsToChannel: 'channel:t/other' }).ok).toBe(true);
    clock = Date.parse('2026-11-21T00:00:01Z');
    expect(throttle.admit(target).ok).toBe(true);
  });

  it('does not throttle when started with throttle: false', async () => {
    const free = await startMicrosoftSimulator({ clock: () => now, throttle: false });
    free.registerRedirectUri(REDIRECT_URI);
    try {
      const freeToken = (await loginAs(free, 'ada')).access_token;
      for (let i = 0; i < 6; i += 1) {
        expect(
          (await graph(free, freeToken, GENERAL_PATH, { body: { body: { content: `n${i}` } } })).status,
        ).toBe(201);
      }
    } finally {
      await free.stop();
    }
  });
});
