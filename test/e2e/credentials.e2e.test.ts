import { SURFACES, invokeAs, invokeOk, signInAtMicrosoft } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { ENTRA_APP, TENANT, person, type SeedPerson } from '../../dev/seed';
import { channel, logInToTeams } from '../support/notification-fixture';
import { manualClock, startTestSandbox } from '../support/sandbox-fixture';

const DAY = 24 * 3600 * 1000;
const HOUR = 3600 * 1000;
/**
 * The app reads the real clock for a secret's days left (only the simulators run on the test
 * clock), so expiry dates are set relative to today.
 */
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/**
 * Issue 14, part 3: credentials that expire. Ada is the site admin; Mia and Sam are connected
 * and have the app too, and must learn nothing about secrets.
 */
describe('credentials that expire, people who must log in again, and the connection overview', () => {
  const clock = manualClock(Date.now());
  const [ada, sam, mia] = [person('ada'), person('sam'), person('mia')];
  let sandbox: Sandbox;
  const settle = () => sandbox.forge.idle({ timeoutMs: 20_000 });
  const chatOf = (who: SeedPerson) =>
    sandbox.microsoft.bot.activities(who.oid).map((a) => (a.card ? JSON.stringify(a.card) : (a.text ?? '')));
  const saveSecretExpiry = async (secretExpiresOn: string) =>
    invokeOk(sandbox, ada, SURFACES.global, 'tenant/save', {
      tenantId: TENANT.id,
      clientId: ENTRA_APP.clientId,
      clientSecret: ENTRA_APP.clientSecret,
      secretExpiresOn,
    });
  const addApp = async (who: SeedPerson) => {
    const answer = await sandbox.microsoft.botChannel.send({
      from: who.oid,
      activity: { type: 'installationUpdate', action: 'add' },
    });
    expect(answer.status).toBe(200);
  };
  const runWarnings = async () => {
    expect((await sandbox.forge.runScheduledTrigger('credential-expiry')).ok).toBe(true);
    await settle();
  };
  const warnings = (who: SeedPerson) => chatOf(who).filter((c) => c.includes('client secret expires in'));

  beforeAll(async () => {
    // Every queue message arrives twice (at-least-once): each notice must still go once.
    sandbox = await startTestSandbox({ clock: clock.now, forgeFaults: { duplicateRate: 1 } });
    await saveSecretExpiry(daysFromNow(60));
    const consent = await invokeOk(sandbox, ada, SURFACES.global, 'tenant/start-consent', {});
    expect((await signInAtMicrosoft(sandbox, consent.url, ada, { decision: 'accept' })).status).toBe(200);
    for (const who of [ada, sam, mia]) {
      await logInToTeams(sandbox, who);
      await addApp(who);
    }
    await settle();
  }, 90_000);
  afterAll(() => sandbox.stop());

  it('warns nobody while the secret has more than 30 days', async () => {
    const before = chatOf(ada).length;
    await runWarnings();
    expect(chatOf(ada)).toHaveLength(before);
    expect((await invokeOk(sandbox, ada, SURFACES.personal, 'credentials/expiry', {})).expiring).toEqual([]);
  }, 30_000);

  it('shows the expiry on every settings page to site admins only', async () => {
    await saveSecretExpiry(daysFromNow(30));
    for (const surface of [SURFACES.global, SURFACES.space('ENG'), SURFACES.personal]) {
      expect(await invokeOk(sandbox, ada, surface, 'credentials/expiry', {})).toEqual({
        expiring: [
          { which: 'client-secret', expiresOn: daysFromNow(30), expiry: { state: 'expiring', daysLeft: 30 } },
        ],
      });
      for (const other of [sam, mia])
        expect(await invokeOk(sandbox, other, surface, 'credentials/expiry', {})).toEqual({ expiring: [] });
    }
  }, 30_000);

  it('tells each connected site admin in Teams at 30, 7 and 1 days before, once each', async () => {
    await runWarnings();
    await runWarnings(); // a second run (or a retried job) repeats nothing
    expect(warnings(ada)).toEqual([expect.stringContaining('client secret expires in 30 days')]);
    expect(warnings(sam)).toEqual([]);
    expect(warnings(mia)).toEqual([]);

    await saveSecretExpiry(daysFromNow(7));
    await runWarnings();
    await saveSecretExpiry(daysFromNow(1));
    await runWarnings();
    await runWarnings();
    expect(warnings(ada)).toEqual([
      expect.stringContaining('expires in 30 days'),
      expect.stringContaining('expires in 7 days'),
      expect.stringContaining('expires in 1 day'),
    ]);
    expect([...warnings(sam), ...warnings(mia)]).toEqual([]);
  }, 60_000);

  it('counts people connected, needing login and with the app, for site admins only', async () => {
    expect(await invokeOk(sandbox, ada, SURFACES.global, 'connections/overview', {})).toEqual({
      connected: 3,
      needsLogin: 0,
      botInstalled: 3,
      complete: true,
    });
    const refused = await invokeAs(sandbox, mia, SURFACES.global, 'connections/overview', {});
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  }, 30_000);

  it('tells a person whose sign-in Microsoft refuses, once, and shows the space admin the paused rule', async () => {
    const general = channel('Engineering', 'General');
    const rule = await invokeOk(sandbox, ada, SURFACES.space('ENG'), 'rules/create', {
      scope: 'space',
      spaceKey: 'ENG',
      events: ['page_updated'],
      destination: general,
    });
    sandbox.microsoft.revokeRefreshTokens(ada.oid);
    clock.advance(2 * HOUR); // Graph now refuses Ada's access token; her refresh token is revoked
    const page = sandbox.confluence.findContent('Architecture decisions').id;
    for (const text of ['first', 'second']) {
      await sandbox.confluence.editPage(mia.accountId, page, { body: `<p>${text} edit</p>` });
      await settle();
    }
    expect(chatOf(ada).filter((c) => c.includes('Log in to Microsoft Teams again'))).toHaveLength(1);
    expect(
      [...chatOf(sam), ...chatOf(mia)].filter((c) => c.includes('Log in to Microsoft Teams again')),
    ).toEqual([]);
    expect((await invokeOk(sandbox, ada, SURFACES.personal, 'connection/get', {})).status).toBe(
      'needs-login',
    );
    // Sam, ENG's space admin, sees on the space page that Ada's rule is paused, and why.
    const spaceRules = await invokeOk(sandbox, sam, SURFACES.space('ENG'), 'rules/list', {
      scope: 'space',
      spaceKey: 'ENG',
    });
    expect(spaceRules).toEqual([
      expect.objectContaining({ id: rule.id, paused: true, ownerName: 'Ada Admin' }),
    ]);
    expect(await invokeOk(sandbox, ada, SURFACES.global, 'connections/overview', {})).toMatchObject({
      connected: 2,
      needsLogin: 1,
      botInstalled: 3,
    });
  }, 60_000);
});
