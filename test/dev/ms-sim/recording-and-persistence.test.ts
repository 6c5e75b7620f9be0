import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startMicrosoftSimulator } from '../../../dev/ms-sim';
import { ENTRA_APP, TEAMS } from '../../../dev/seed';
import { loginAs, REDIRECT_URI, refresh, type Tokens } from './support/entra-client';
import { cardMessage, channelMessagesPath, graph, simpleCard, type Json } from './support/graph-client';

const ENGINEERING = TEAMS[0];
const GENERAL_PATH = channelMessagesPath(ENGINEERING.id, ENGINEERING.channels[0].id);

describe('Microsoft simulator: request record, persistence and reset', () => {
  let dir = '';

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ms-sim-'));
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('records one JSON line per request, with no secret in it', async () => {
    const recordFile = path.join(dir, 'requests.jsonl');
    const sim = await startMicrosoftSimulator({ throttle: false, recordFile });
    sim.registerRedirectUri(REDIRECT_URI);
    const tokens = await loginAs(sim, 'ada');
    const rotated = (await (await refresh(sim, tokens.refresh_token)).json()) as Tokens;
    await graph(sim, rotated.access_token, GENERAL_PATH, { body: cardMessage(simpleCard()) });
    sim.faults.set({ dropRate: 1 });
    await graph(sim, rotated.access_token, '/me').catch(() => undefined);
    await sim.stop();

    const text = await readFile(recordFile, 'utf8');
    const lines = text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, Json>);
    // authorize POST, code redemption, refresh, message post, dropped request
    expect(lines.map((l) => `${l.method} ${l.status}`)).toEqual([
      'POST 302',
      'POST 200',
      'POST 200',
      'POST 201',
      'GET null',
    ]);
    for (const line of lines) {
      expect(Object.keys(line).sort()).toEqual(['body', 'headers', 'method', 'status', 'time', 'url']);
      expect(line.headers.authorization).toBeUndefined();
    }
    expect(lines[1].body).toMatchObject({
      grant_type: 'authorization_code',
      client_secret: '[redacted]',
      code: '[redacted]',
      code_verifier: '[redacted]',
    });
    expect(lines[2].body).toMatchObject({ refresh_token: '[redacted]' });
    expect(lines[3].body.attachments[0].contentType).toBe('application/vnd.microsoft.card.adaptive');
    for (const secret of [
      ENTRA_APP.clientSecret,
      tokens.access_token,
      tokens.refresh_token,
      rotated.refresh_token,
      rotated.access_token,
      tokens.id_token,
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/eyJ[A-Za-z0-9_-]{8,}\.eyJ/);
    expect(text).not.toMatch(/0\.ms-sim\.[A-Za-z0-9_-]{16,}/);
  });

  it('keeps tokens and messages across a restart with the same dataDir, and forgets them with reset', async () => {
    const first = await startMicrosoftSimulator({ throttle: false, dataDir: dir });
    first.registerRedirectUri(REDIRECT_URI);
    const tokens = await loginAs(first, 'sam');
    await graph(first, tokens.access_token, GENERAL_PATH, { body: { body: { content: 'kept' } } });
    await first.stop();

    const second = await startMicrosoftSimulator({ throttle: false, dataDir: dir });
    expect(second.messages().map((m) => m.body.content)).toEqual(['kept']);
    expect((await graph(second, tokens.access_token, '/me')).status).toBe(200);
    const refreshed = await refresh(second, tokens.refresh_token);
    expect(refreshed.status).toBe(200);
    await second.stop();

    const third = await startMicrosoftSimulator({ throttle: false, dataDir: dir, reset: true });
    expect(third.messages()).toEqual([]);
    expect((await graph(third, tokens.access_token, '/me')).status).toBe(401);
    await third.stop();
  });

  it('POST /_sim/reset forgets messages and tokens but keeps registered redirect URIs; GET /_sim/messages lists posts', async () => {
    const sim = await startMicrosoftSimulator({ throttle: false });
    sim.registerRedirectUri(REDIRECT_URI);
    try {
      const tokens = await loginAs(sim, 'ada');
      await graph(sim, tokens.access_token, GENERAL_PATH, { body: cardMessage(simpleCard('from http')) });
      const listed = (await (await fetch(`${sim.url}/_sim/messages`)).json()) as {
        attachments: { card: Json }[];
      }[];
      expect(listed).toHaveLength(1);
      expect(listed[0].attachments[0].card.body[0].text).toBe('from http');

      expect((await fetch(`${sim.url}/_sim/reset`, { method: 'POST' })).status).toBe(200);
      expect(sim.messages()).toEqual([]);
      expect((await graph(sim, tokens.access_token, '/me')).status).toBe(401);
      expect((await refresh(sim, tokens.refresh_token)).status).toBe(400);
      expect((await loginAs(sim, 'ada')).access_token).toBeDefined();
    } finally {
      await sim.stop();
    }
  });
});
