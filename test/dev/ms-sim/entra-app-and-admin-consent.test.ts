import { startMicrosoftSimulator, type MicrosoftSimulator } from '../../../dev/ms-sim';
import { ENTRA_APP, TEAMS, TENANT, person } from '../../../dev/seed';
import {
  authorizeUrl,
  claimsOf,
  pkcePair,
  REDIRECT_URI,
  submitForm,
  tokenRequest,
} from './support/entra-client';
import { cardMessage, channelMessagesPath, graph, simpleCard } from './support/graph-client';

const ENGINEERING = TEAMS[0];
const GENERAL = ENGINEERING.channels[0];

describe('Microsoft simulator: client credentials', () => {
  let sim: MicrosoftSimulator;

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ throttle: false });
  });
  afterAll(() => sim.stop());

  const appToken = async (scope: string, tenant: string = TENANT.id) =>
    tokenRequest(
      sim,
      {
        grant_type: 'client_credentials',
        client_id: ENTRA_APP.clientId,
        client_secret: ENTRA_APP.clientSecret,
        scope,
      },
      tenant,
    );

  it.each(['https://graph.microsoft.com', 'https://api.botframework.com'])(
    'issues an app-only token for %s',
    async (resource) => {
      const answer = await appToken(`${resource}/.default`);
      expect(answer.status).toBe(200);
      const body = (await answer.json()) as {
        access_token: string;
        refresh_token?: string;
        id_token?: string;
      };
      expect(body.refresh_token).toBeUndefined();
      expect(body.id_token).toBeUndefined();
      const claims = claimsOf(body.access_token);
      expect(claims).toMatchObject({
        aud: resource,
        tid: TENANT.id,
        appid: ENTRA_APP.clientId,
        idtyp: 'app',
        roles: [],
      });
      expect(claims.scp).toBeUndefined();
    },
  );

  it('refuses other scopes and the /common endpoint', async () => {
    const bad = await appToken('https://graph.microsoft.com/User.Read');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_scope', error_codes: [1002012] });
    const common = await appToken('https://graph.microsoft.com/.default', 'common');
    expect(common.status).toBe(400);
  });

  it('gives a token that cannot post messages or read /me', async () => {
    const { access_token: token } = (await (
      await appToken('https://graph.microsoft.com/.default')
    ).json()) as {
      access_token: string;
    };
    const post = await graph(sim, token, channelMessagesPath(ENGINEERING.id, GENERAL.id), {
      body: cardMessage(simpleCard()),
    });
    expect(post.status).toBe(403);
    expect(post.json.error.code).toBe('Forbidden');
    expect(post.json.error.message).toContain('Teamwork.Migrate.All');
    const me = await graph(sim, token, '/me');
    expect(me.status).toBe(400);
    expect(me.json.error.message).toContain('delegated');
    expect(sim.messages()).toHaveLength(0);
  });

  it('does not let a Bot Framework token into Graph', async () => {
    const { access_token: token } = (await (
      await appToken('https://api.botframework.com/.default')
    ).json()) as {
      access_token: string;
    };
    const answer = await graph(sim, token, '/me');
    expect(answer.status).toBe(401);
    expect(answer.json.error.code).toBe('InvalidAuthenticationToken');
  });
});

describe('Microsoft simulator: admin consent', () => {
  let sim: MicrosoftSimulator;
  const consentUrl = (s: MicrosoftSimulator, overrides: Record<string, string> = {}) =>
    `${s.routes.login}/${TENANT.id}/v2.0/adminconsent?${new URLSearchParams({
      client_id: ENTRA_APP.clientId,
      scope: 'https://graph.microsoft.com/.default',
      redirect_uri: REDIRECT_URI,
      state: 'consent-state',
      ...overrides,
    }).toString()}`;

  beforeEach(async () => {
    sim = await startMicrosoftSimulator({ throttle: false });
    sim.registerRedirectUri(REDIRECT_URI);
  });
  afterEach(() => sim.stop());

  it('lets the Global Administrator accept, redirecting with admin_consent=True, the tenant, scope and state', async () => {
    const picker = await fetch(consentUrl(sim));
    expect(picker.status).toBe(200);
    expect(await picker.text()).toContain(person('ada').upn);
    const review = await submitForm(consentUrl(sim), { account: person('ada').oid });
    expect(review.status).toBe(200);
    const page = await review.text();
    expect(page).toContain('Permissions requested');
    expect(page).toContain('name="decision" value="accept"');
    const accept = await submitForm(consentUrl(sim), { account: person('ada').oid, decision: 'accept' });
    expect(accept.status).toBe(302);
    const location = new URL(accept.headers.get('location') ?? '');
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT_URI);
    expect(location.searchParams.get('admin_consent')).toBe('True');
    expect(location.searchParams.get('tenant')).toBe(TENANT.id);
    expect(location.searchParams.get('state')).toBe('consent-state');
    expect(location.searchParams.get('scope')).toContain('https://graph.microsoft.com/ChannelMessage.Send');
  });

  it('refuses a user who is not an administrator, with a clear message', async () => {
    const answer = await submitForm(consentUrl(sim), { account: person('sam').oid, decision: 'accept' });
    expect(answer.status).toBe(403);
    expect(answer.headers.get('location')).toBeNull();
    const html = await answer.text();
    expect(html).toContain('is not an administrator of Contoso');
    expect(html).toContain('Sign in with an administrator account');
  });

  it('redirects access_denied on Cancel', async () => {
    const answer = await submitForm(consentUrl(sim), { account: person('ada').oid, decision: 'cancel' });
    const location = new URL(answer.headers.get('location') ?? '');
    expect(location.searchParams.get('error')).toBe('access_denied');
    expect(location.searchParams.get('state')).toBe('consent-state');
    expect(location.searchParams.has('admin_consent')).toBe(false);
  });

  it('shows an error page for an unregistered redirect URI', async () => {
    const answer = await fetch(consentUrl(sim, { redirect_uri: 'https://evil.example/cb' }), {
      redirect: 'manual',
    });
    expect(answer.status).toBe(400);
    expect(answer.headers.get('location')).toBeNull();
  });

  it('records the consent: afterwards members may sign in with permissions that need it', async () => {
    const scope = 'openid ChannelMessage.Read.All';
    const url = authorizeUrl(sim, pkcePair().challenge, { scope });
    expect((await submitForm(url, { account: person('mia').oid })).status).toBe(403);
    const adminScope = 'https://graph.microsoft.com/ChannelMessage.Read.All';
    await submitForm(consentUrl(sim, { scope: adminScope }), {
      account: person('ada').oid,
      decision: 'accept',
    });
    expect((await submitForm(url, { account: person('mia').oid })).status).toBe(302);
  });
});
