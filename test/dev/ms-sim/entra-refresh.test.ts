import { startMicrosoftSimulator, type MicrosoftSimulator } from '../../../dev/ms-sim';
import { person } from '../../../dev/seed';
import { claimsOf, loginAs, REDIRECT_URI, refresh, type Tokens } from './support/entra-client';
import { graph } from './support/graph-client';

describe('Microsoft simulator: refresh tokens', () => {
  let sim: MicrosoftSimulator;
  let now = Date.parse('2026-11-20T10:00:00Z');

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({
      throttle: false,
      clock: () => now,
      refreshTokenTtlSeconds: 24 * 3600,
    });
    sim.registerRedirectUri(REDIRECT_URI);
  });
  afterAll(() => sim.stop());

  it('rotates: the answer has a new refresh token and the old one is refused afterwards', async () => {
    const first = await loginAs(sim, 'sam');
    const answer = await refresh(sim, first.refresh_token);
    expect(answer.status).toBe(200);
    const second = (await answer.json()) as Tokens;
    expect(second.refresh_token).toMatch(/^0\.ms-sim\./);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    expect(second.id_token).toBeDefined();
    expect(claimsOf(second.access_token).scp).toBe(claimsOf(first.access_token).scp);

    const reused = await refresh(sim, first.refresh_token);
    expect(reused.status).toBe(400);
    expect(await reused.json()).toMatchObject({ error: 'invalid_grant' });
    expect((await refresh(sim, second.refresh_token)).status).toBe(200);
  });

  it('answers invalid_grant (AADSTS50173) after the user’s refresh tokens are revoked', async () => {
    const tokens = await loginAs(sim, 'mia');
    sim.revokeRefreshTokens(person('mia').oid);
    const answer = await refresh(sim, tokens.refresh_token);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: 'invalid_grant', error_codes: [50173] });
    // Access tokens already issued run until they expire, as in Entra.
    expect((await graph(sim, tokens.access_token, '/me')).status).toBe(200);
  });

  it('only revokes the named user', async () => {
    const ada = await loginAs(sim, 'ada');
    sim.revokeRefreshTokens(person('rex').oid);
    expect((await refresh(sim, ada.refresh_token)).status).toBe(200);
  });

  it('refuses a wrong client secret on refresh', async () => {
    const tokens = await loginAs(sim, 'vic');
    const answer = await refresh(sim, tokens.refresh_token, { client_secret: 'nope' });
    expect(answer.status).toBe(401);
    expect(await answer.json()).toMatchObject({ error: 'invalid_client' });
  });

  it('may narrow the scopes but not widen them', async () => {
    const tokens = await loginAs(sim, 'vic');
    const narrow = await refresh(sim, tokens.refresh_token, { scope: 'ChannelMessage.Send offline_access' });
    expect(narrow.status).toBe(200);
    const narrowed = (await narrow.json()) as Tokens;
    expect(claimsOf(narrowed.access_token).scp).toBe('ChannelMessage.Send');
    const wide = await refresh(sim, narrowed.refresh_token, { scope: 'Group.ReadWrite.All' });
    expect(wide.status).toBe(400);
    expect(await wide.json()).toMatchObject({ error: 'invalid_grant', error_codes: [65001] });
  });

  it('expires access tokens (Graph 401) and refresh tokens (invalid_grant) by the clock', async () => {
    const tokens = await loginAs(sim, 'rex');
    now += 3600 * 1000;
    const expired = await graph(sim, tokens.access_token, '/me');
    expect(expired.status).toBe(401);
    expect(expired.json.error).toMatchObject({
      code: 'InvalidAuthenticationToken',
      message: expect.stringMatching(/expired/),
    });
    now += 24 * 3600 * 1000;
    const answer = await refresh(sim, tokens.refresh_token);
    expect(answer.status).toBe(400);
    expect(await answer.json()).toMatchObject({ error: 'invalid_grant', error_codes: [700082] });
  });
});
