import { startMicrosoftSimulator, type MicrosoftSimulator } from '../../../dev/ms-sim';
import { parseUserFilter } from '../../../dev/ms-sim/graph/routes/users';
import { person } from '../../../dev/seed';
import { grantAdminConsent, loginAs, REDIRECT_URI } from './support/entra-client';
import { graph, type Json } from './support/graph-client';

const SELECT = '$select=id,displayName,mail,userPrincipalName,accountEnabled';
const byEmail = (email: string) =>
  `/users?$filter=${encodeURIComponent(`mail eq '${email}' or userPrincipalName eq '${email}'`)}&${SELECT}`;

describe('Microsoft simulator: GET /users', () => {
  let sim: MicrosoftSimulator;
  let full = '';
  let basic = '';

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ throttle: false });
    sim.registerRedirectUri(REDIRECT_URI);
    await grantAdminConsent(sim, 'openid offline_access User.Read.All');
    full = (await loginAs(sim, 'ada', 'openid offline_access User.Read.All')).access_token;
    basic = (await loginAs(sim, 'mia', 'openid offline_access User.ReadBasic.All')).access_token;
  });
  afterAll(() => sim.stop());
  afterEach(() => sim.faults.clear());

  it('finds a user by mail or sign-in name, ignoring case, with the selected properties only', async () => {
    const answer = await graph(sim, full, byEmail('MIA@contoso.example'));
    expect(answer.status).toBe(200);
    expect(answer.json['@odata.context']).toBe(
      'https://graph.microsoft.com/v1.0/$metadata#users(id,displayName,mail,userPrincipalName,accountEnabled)',
    );
    expect(answer.json.value).toEqual([
      {
        id: person('mia').oid,
        displayName: 'Mia Member',
        mail: 'mia@contoso.example',
        userPrincipalName: 'mia@contoso.example',
        accountEnabled: true,
      },
    ]);
  });

  it('answers a disabled account, two accounts for one e-mail, and none for a stranger', async () => {
    const ivy = await graph(sim, full, byEmail('ivy@contoso.example'));
    expect(ivy.json.value).toEqual([
      expect.objectContaining({ displayName: 'Ivy Inactive', accountEnabled: false }),
    ]);
    const pat = await graph(sim, full, byEmail('pat@contoso.example'));
    expect((pat.json.value as Json[]).map((u) => u.displayName).sort()).toEqual(['Pat Parker', 'Pat Porter']);
    const nobody = await graph(sim, full, byEmail('nora@fabrikam.example'));
    expect(nobody.json.value).toEqual([]);
  });

  it('leaves accountEnabled out for User.ReadBasic.All, which covers the basic profile only', async () => {
    const answer = await graph(sim, basic, byEmail('ivy@contoso.example'));
    expect(answer.status).toBe(200);
    expect(answer.json.value[0]).not.toHaveProperty('accountEnabled');
  });

  it('refuses a token without a user-reading permission, and a filter it cannot read', async () => {
    const chatsOnly = (await loginAs(sim, 'sam', 'openid offline_access Chat.ReadBasic')).access_token;
    const refused = await graph(sim, chatsOnly, byEmail('mia@contoso.example'));
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toContain('User.ReadBasic.All');
    const bad = await graph(sim, full, `/users?$filter=${encodeURIComponent("startswith(mail,'m')")}`);
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toContain('Invalid filter clause');
    const unknown = await graph(sim, full, '/users?$select=id,shoeSize');
    expect(unknown.status).toBe(400);
  });

  it('pages the whole directory with @odata.nextLink', async () => {
    const first = await graph(sim, full, '/users?$top=5');
    expect(first.json.value).toHaveLength(5);
    const second = await graph(sim, full, first.json['@odata.nextLink'] as string);
    expect(second.json.value).toHaveLength(3);
    expect(second.json['@odata.nextLink']).toBeUndefined();
  });

  it('serves lookups inside $batch, each throttled on its own', async () => {
    sim.faults.set({ rate429: 1, retryAfterSeconds: 4 });
    const answer = await graph(sim, full, '/$batch', {
      body: { requests: [{ id: '1', method: 'GET', url: byEmail('mia@contoso.example') }] },
    });
    expect(answer.status).toBe(200);
    expect(answer.json.responses[0]).toMatchObject({ id: '1', status: 429, headers: { 'Retry-After': '4' } });
    sim.faults.clear();
    const ok = await graph(sim, full, '/$batch', {
      body: { requests: [{ id: '1', method: 'GET', url: byEmail('mia@contoso.example') }] },
    });
    expect(ok.json.responses[0]).toMatchObject({
      status: 200,
      body: { value: [{ displayName: 'Mia Member' }] },
    });
  });

  it('reads eq clauses joined by or, with doubled quotes, and nothing else', () => {
    expect(parseUserFilter("mail eq 'o''brien@x.example' or userPrincipalName eq 'a@b.c'")).toEqual([
      { property: 'mail', value: "o'brien@x.example" },
      { property: 'userPrincipalName', value: 'a@b.c' },
    ]);
    expect(parseUserFilter("mail eq 'a@b.c' or")).toBeNull();
    expect(parseUserFilter("mail eq 'a@b.c' and id eq 'x'")).toBeNull();
    expect(parseUserFilter("shoeSize eq '9'")).toBeNull();
  });
});
