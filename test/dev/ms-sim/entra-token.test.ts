import { startMicrosoftSimulator, type MicrosoftSimulator } from '../../../dev/ms-sim';
import { ENTRA_APP, TENANT, person } from '../../../dev/seed';
import {
  claimsOf,
  redeemCode,
  REDIRECT_URI,
  signIn,
  tokenRequest,
  type Tokens,
} from './support/entra-client';

describe('Microsoft simulator: authorization code redemption', () => {
  let sim: MicrosoftSimulator;
  let now = Date.parse('2026-11-20T10:00:00Z');

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ throttle: false, clock: () => now });
    sim.registerRedirectUri(REDIRECT_URI);
  });
  afterAll(() => sim.stop());

  const expectEntraError = async (answer: Response, status: number, error: string, code: number) => {
    const body = (await answer.json()) as Record<string, unknown>;
    expect(answer.status).toBe(status);
    expect(body).toMatchObject({ error, error_codes: [code] });
    expect(String(body.error_description)).toMatch(new RegExp(`^AADSTS${code}: `));
    expect(body.trace_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.correlation_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.timestamp).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ$/);
  };

  it('exchanges a code (PKCE S256 + client secret) for access, refresh and ID tokens with the documented claims', async () => {
    const { pkce, code } = await signIn(sim, 'sam');
    const answer = await redeemCode(sim, code, pkce.verifier);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const tokens = (await answer.json()) as Tokens & { token_type: string; ext_expires_in: number };
    expect(tokens).toMatchObject({ token_type: 'Bearer', expires_in: 3600, ext_expires_in: 3600 });
    expect(tokens.refresh_token).toMatch(/^0\.ms-sim\./);
    const seconds = Math.floor(now / 1000);
    const sam = person('sam');
    expect(claimsOf(tokens.access_token)).toMatchObject({
      aud: 'https://graph.microsoft.com',
      iss: `https://sts.windows.net/${TENANT.id}/`,
      tid: TENANT.id,
      oid: sam.oid,
      upn: sam.upn,
      name: sam.displayName,
      appid: ENTRA_APP.clientId,
      iat: seconds,
      nbf: seconds,
      exp: seconds + 3600,
    });
    const scp = String(claimsOf(tokens.access_token).scp).split(' ');
    expect(scp).toEqual(
      expect.arrayContaining(['ChannelMessage.Send', 'ChatMessage.Send', 'Team.ReadBasic.All']),
    );
    expect(scp).not.toEqual(expect.arrayContaining(['openid']));
    expect(scp.some((s) => ['openid', 'profile', 'offline_access', 'email'].includes(s))).toBe(false);
    expect(claimsOf(tokens.id_token)).toMatchObject({
      aud: ENTRA_APP.clientId,
      iss: `https://login.microsoftonline.com/${TENANT.id}/v2.0`,
      tid: TENANT.id,
      oid: sam.oid,
      preferred_username: sam.upn,
      name: sam.displayName,
    });
    expect(claimsOf(tokens.id_token).sub).toEqual(expect.any(String));
  });

  it('leaves out the refresh token without offline_access', async () => {
    const { pkce, code } = await signIn(sim, 'mia', 'openid User.Read');
    const tokens = (await (await redeemCode(sim, code, pkce.verifier)).json()) as Partial<Tokens>;
    expect(tokens.access_token).toBeDefined();
    expect(tokens.refresh_token).toBeUndefined();
    expect(claimsOf(tokens.access_token ?? '').scp).toBe('User.Read');
  });

  it('accepts the client secret through HTTP Basic too', async () => {
    const { pkce, code } = await signIn(sim, 'mia');
    const basic = Buffer.from(`${ENTRA_APP.clientId}:${encodeURIComponent(ENTRA_APP.clientSecret)}`).toString(
      'base64',
    );
    const answer = await fetch(`${sim.routes.login}/${TENANT.id}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `Basic ${basic}` },
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        code,
        redirect_uri: REDIRECT_URI,
        code_verifier: pkce.verifier,
      }),
    });
    expect(answer.status).toBe(200);
  });

  it('refuses a wrong code_verifier, and the code still works with the right one', async () => {
    const { pkce, code } = await signIn(sim, 'mia');
    const wrong = 'x'.repeat(43);
    await expectEntraError(await redeemCode(sim, code, wrong), 400, 'invalid_grant', 501481);
    expect((await redeemCode(sim, code, pkce.verifier)).status).toBe(200);
  });

  it('refuses a wrong or missing client secret with 401 invalid_client', async () => {
    const { pkce, code } = await signIn(sim, 'mia');
    await expectEntraError(
      await redeemCode(sim, code, pkce.verifier, { client_secret: 'guess' }),
      401,
      'invalid_client',
      7000215,
    );
    const fields = {
      grant_type: 'authorization_code',
      client_id: ENTRA_APP.clientId,
      code,
      redirect_uri: REDIRECT_URI,
      code_verifier: pkce.verifier,
    };
    await expectEntraError(await tokenRequest(sim, fields), 401, 'invalid_client', 7000218);
  });

  it('refuses a redirect URI other than the one the code was issued for', async () => {
    const other = 'https://app.example.test/other';
    sim.registerRedirectUri(other);
    const { pkce, code } = await signIn(sim, 'mia');
    await expectEntraError(
      await redeemCode(sim, code, pkce.verifier, { redirect_uri: other }),
      400,
      'invalid_grant',
      500112,
    );
  });

  it('refuses a code redeemed twice', async () => {
    const { pkce, code } = await signIn(sim, 'mia');
    expect((await redeemCode(sim, code, pkce.verifier)).status).toBe(200);
    await expectEntraError(await redeemCode(sim, code, pkce.verifier), 400, 'invalid_grant', 54005);
  });

  it('refuses a code after its ten minutes', async () => {
    const { pkce, code } = await signIn(sim, 'mia');
    now += 10 * 60 * 1000 + 1;
    await expectEntraError(await redeemCode(sim, code, pkce.verifier), 400, 'invalid_grant', 70008);
  });

  it('refuses an unknown code, an unknown client, a missing grant type and an unsupported one', async () => {
    const { pkce } = await signIn(sim, 'mia');
    await expectEntraError(await redeemCode(sim, 'made-up', pkce.verifier), 400, 'invalid_grant', 9002313);
    await expectEntraError(
      await redeemCode(sim, 'made-up', pkce.verifier, { client_id: '99999999-2222-3333-4444-555555555555' }),
      400,
      'unauthorized_client',
      700016,
    );
    await expectEntraError(
      await tokenRequest(sim, { client_id: ENTRA_APP.clientId }),
      400,
      'invalid_request',
      900144,
    );
    await expectEntraError(
      await tokenRequest(sim, { grant_type: 'password' }),
      400,
      'unsupported_grant_type',
      70003,
    );
  });

  it('reads only form bodies, as Entra does', async () => {
    const answer = await fetch(`${sim.routes.login}/${TENANT.id}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ grant_type: 'client_credentials' }),
    });
    await expectEntraError(answer, 400, 'invalid_request', 900144);
  });
});
