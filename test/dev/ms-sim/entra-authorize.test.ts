import { startMicrosoftSimulator, type MicrosoftSimulator } from '../../../dev/ms-sim';
import { PEOPLE, TENANT, person } from '../../../dev/seed';
import { authorizeUrl, pkcePair, REDIRECT_URI, submitForm } from './support/entra-client';

describe('Microsoft simulator: authorize endpoint and sign-in page', () => {
  let sim: MicrosoftSimulator;
  const { challenge } = pkcePair();

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ throttle: false });
    sim.registerRedirectUri(REDIRECT_URI);
  });
  afterAll(() => sim.stop());

  it('shows a "Pick an account" page with one real button per test user and a Cancel', async () => {
    const answer = await fetch(authorizeUrl(sim, challenge));
    const html = await answer.text();
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('<h1 id="heading">Pick an account</h1>');
    for (const p of PEOPLE) {
      expect(html).toContain(`<button type="submit" class="account" name="account" value="${p.oid}"`);
      expect(html).toContain(p.displayName);
      expect(html).toContain(p.upn);
    }
    expect(html).toMatch(/<button type="submit" class="button" name="cancel" value="1">Cancel<\/button>/);
  });

  it('redirects with a code and the state when a user is chosen', async () => {
    const answer = await submitForm(authorizeUrl(sim, challenge), { account: person('mia').oid });
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('code')).toMatch(/^1\.ms-sim\./);
    expect(location.searchParams.get('state')).toBe('state-123');
  });

  it.each(['common', 'organizations', TENANT.domain])('accepts the %s tenant segment', async (tenant) => {
    const url = authorizeUrl(sim, challenge).replace(`/${TENANT.id}/`, `/${tenant}/`);
    expect((await fetch(url)).status).toBe(200);
  });

  it('redirects with access_denied and the state on Cancel', async () => {
    const answer = await submitForm(authorizeUrl(sim, challenge), { cancel: '1' });
    const location = new URL(answer.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('error_description')).toMatch(/^AADSTS65004/);
    expect(location.searchParams.get('state')).toBe('state-123');
    expect(location.searchParams.has('code')).toBe(false);
  });

  it('shows an error page, never a redirect, for an unknown client', async () => {
    const answer = await fetch(
      authorizeUrl(sim, challenge, { client_id: '11111111-2222-3333-4444-555555555555' }),
      {
        redirect: 'manual',
      },
    );
    expect(answer.status).toBe(400);
    expect(answer.headers.get('location')).toBeNull();
    expect(await answer.text()).toContain('AADSTS700016');
  });

  it('shows an error page, never a redirect, for a redirect URI that is not registered exactly', async () => {
    for (const uri of [`${REDIRECT_URI}/`, 'https://evil.example/callback', REDIRECT_URI.toUpperCase()]) {
      const answer = await fetch(authorizeUrl(sim, challenge, { redirect_uri: uri }), { redirect: 'manual' });
      expect(answer.status).toBe(400);
      expect(answer.headers.get('location')).toBeNull();
      expect(await answer.text()).toContain('AADSTS50011');
    }
  });

  it('accepts a redirect URI once it is registered', async () => {
    const other = 'https://forge.example.test/x1/webtrigger';
    expect((await fetch(authorizeUrl(sim, challenge, { redirect_uri: other }))).status).toBe(400);
    sim.registerRedirectUri(other);
    expect((await fetch(authorizeUrl(sim, challenge, { redirect_uri: other }))).status).toBe(200);
  });

  it.each([
    ['no code_challenge', { code_challenge: null }, 'invalid_request', 'AADSTS9002325'],
    ['a plain challenge method', { code_challenge_method: 'plain' }, 'invalid_request', 'AADSTS9002313'],
    ['a scope without openid', { scope: 'offline_access User.Read' }, 'invalid_scope', 'AADSTS70011'],
    ['an unknown scope', { scope: 'openid Mail.Send.Everything' }, 'invalid_scope', 'AADSTS70011'],
    ['response_type token', { response_type: 'token' }, 'unsupported_response_type', 'AADSTS700054'],
  ])('redirects an error for %s', async (_name, overrides, error, code) => {
    const answer = await fetch(authorizeUrl(sim, challenge, overrides), { redirect: 'manual' });
    expect(answer.status).toBe(302);
    const location = new URL(answer.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe(error);
    expect(location.searchParams.get('error_description')).toContain(code);
    expect(location.searchParams.get('state')).toBe('state-123');
  });

  it('shows an error page for an unknown tenant', async () => {
    const url = authorizeUrl(sim, challenge).replace(`/${TENANT.id}/`, '/fabrikam.example/');
    const answer = await fetch(url);
    expect(answer.status).toBe(400);
    expect(await answer.text()).toContain('AADSTS90002');
  });

  it('asks for an administrator when a non-admin requests a permission that needs admin consent', async () => {
    const url = authorizeUrl(sim, challenge, { scope: 'openid ChannelMessage.Read.All' });
    const refused = await submitForm(url, { account: person('mia').oid });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('Need admin approval');
    const admin = await submitForm(url, { account: person('ada').oid });
    expect(admin.status).toBe(302);
  });
});
