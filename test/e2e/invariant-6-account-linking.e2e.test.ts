import {
  SURFACES,
  finishSignIn,
  invokeOk,
  openCallback,
  redirectFromMicrosoft,
  signInAtMicrosoft,
} from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { ENTRA_APP, TENANT, person, type SeedPerson } from '../../dev/seed';
import { manualClock, startTestSandbox } from '../support/sandbox-fixture';

/*
 * Invariant 6 for account linking: a Microsoft sign-in links an account only for the Confluence
 * user who started it, redeemed in their own Confluence session. The classic attack: Rex starts
 * "Log in to Microsoft Teams", sends the Microsoft URL to Mia, Mia signs in.
 */
const rex = person('rex');
const mia = person('mia');
const sam = person('sam');
const vic = person('vic');
const ada = person('ada');

const tokenRequests = (sandbox: Sandbox) =>
  sandbox.microsoft.requests().filter((r) => r.method === 'POST' && r.url.includes('/oauth2/v2.0/token'))
    .length;
const connectionOf = (sandbox: Sandbox, who: SeedPerson) =>
  invokeOk(sandbox, who, SURFACES.personal, 'connection/get', {});
const storedTokenSecrets = (sandbox: Sandbox) =>
  sandbox.forge.kvsDump().secretKeys.filter((key) => key.startsWith('ms-token:'));
const connectionRows = (sandbox: Sandbox) => sandbox.forge.kvsDump().entities['connection'] ?? {};

/** The user's browser after Microsoft: the callback, then the personal page as `finisher`. */
const completeAt = async (sandbox: Sandbox, authorizeUrl: string, atMicrosoft: SeedPerson) => {
  const callback = await openCallback(await redirectFromMicrosoft(sandbox, authorizeUrl, atMicrosoft));
  expect(callback.status).toBe(303);
  expect(callback.code).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return callback.code as string;
};

const mapTenant = async (sandbox: Sandbox) =>
  invokeOk(sandbox, ada, SURFACES.global, 'tenant/save', {
    tenantId: TENANT.id,
    clientId: ENTRA_APP.clientId,
    clientSecret: ENTRA_APP.clientSecret,
    secretExpiresOn: ENTRA_APP.secretExpiresOn,
  });

describe('invariant 6: a login started by one person cannot be finished by another', () => {
  const clock = manualClock();
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ clock: clock.now });
    await mapTenant(sandbox);
    const consent = await invokeOk(sandbox, ada, SURFACES.global, 'tenant/start-consent', {});
    expect((await signInAtMicrosoft(sandbox, consent.url, ada, { decision: 'accept' })).status).toBe(200);
  });
  afterAll(() => sandbox.stop());

  it('Rex starts, Mia signs in at Microsoft: Rex ends not connected and Mia’s tokens are stored nowhere', async () => {
    const tokensBefore = tokenRequests(sandbox);
    const { url } = await invokeOk(sandbox, rex, SURFACES.space('ENG'), 'connection/start-login', {});

    // Mia opens the URL Rex sent her; her browser lands on Confluence, signed in as Mia.
    const callback = await openCallback(await redirectFromMicrosoft(sandbox, url, mia));
    const asMia = callback.code ? await finishSignIn(sandbox, mia, callback.code) : null;
    expect(asMia).toMatchObject({
      ok: false,
      error: { code: 'forbidden', message: expect.stringMatching(/started by another Confluence user/) },
    });

    expect((await connectionOf(sandbox, rex)).status).toBe('not-connected');
    expect((await connectionOf(sandbox, mia)).status).toBe('not-connected');
    expect(storedTokenSecrets(sandbox)).toEqual([]);
    expect(JSON.stringify(connectionRows(sandbox))).not.toContain(mia.oid);
    // Mia's authorization code was never exchanged: Microsoft issued no token for it.
    expect(tokenRequests(sandbox)).toBe(tokensBefore);
  });

  it('the normal login still connects the person who started it', async () => {
    const { url } = await invokeOk(sandbox, sam, SURFACES.space('ENG'), 'connection/start-login', {});
    const code = await completeAt(sandbox, url, sam);
    const finished = await finishSignIn(sandbox, sam, code);
    expect(finished).toEqual({
      ok: true,
      data: {
        kind: 'connected',
        displayName: sam.displayName,
        upn: sam.upn,
        // Confluence's e-mail, read as Sam, is his Microsoft account's (issue 13, item 20).
        microsoftEmail: sam.upn,
        confluenceEmail: sam.upn,
        accountMatch: 'same-email',
      },
    });
    expect(await connectionOf(sandbox, sam)).toMatchObject({ status: 'ok', upn: sam.upn });
  });

  it('redeems a completion once, even when two tabs race', async () => {
    const { url } = await invokeOk(sandbox, vic, SURFACES.personal, 'connection/start-login', {});
    const code = await completeAt(sandbox, url, vic);
    const answers = await Promise.all([1, 2, 3].map(() => finishSignIn(sandbox, vic, code)));
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok)).toEqual(
      Array(2).fill(expect.objectContaining({ error: expect.objectContaining({ code: 'invalid_input' }) })),
    );
    await invokeOk(sandbox, vic, SURFACES.personal, 'connection/disconnect', {});
  });

  it('links nothing when nobody redeems the completion within five minutes', async () => {
    const tokensBefore = tokenRequests(sandbox);
    const { url } = await invokeOk(sandbox, vic, SURFACES.personal, 'connection/start-login', {});
    const code = await completeAt(sandbox, url, vic);
    clock.advance(6 * 60 * 1000);
    expect(await finishSignIn(sandbox, vic, code)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: expect.stringMatching(/expired or was already used/) },
    });
    expect((await connectionOf(sandbox, vic)).status).toBe('not-connected');
    expect(sandbox.forge.kvsDump().secretKeys.filter((k) => k.startsWith('oauth-completion:'))).toEqual([]);
    expect(tokenRequests(sandbox)).toBe(tokensBefore);
  });

  it('refuses a Microsoft account already linked to another Confluence account, until that link is removed', async () => {
    // Sam is connected as sam@ (above). Vic signs in at Microsoft with Sam's account.
    const first = await invokeOk(sandbox, vic, SURFACES.personal, 'connection/start-login', {});
    const refused = await finishSignIn(sandbox, vic, await completeAt(sandbox, first.url, sam));
    expect(refused).toMatchObject({
      ok: false,
      error: {
        code: 'conflict',
        message: expect.stringMatching(/already connected to another Confluence account/),
      },
    });
    expect((await connectionOf(sandbox, vic)).status).toBe('not-connected');
    expect(storedTokenSecrets(sandbox)).toEqual([`ms-token:${sam.accountId}`]);

    await invokeOk(sandbox, sam, SURFACES.personal, 'connection/disconnect', {});
    const again = await invokeOk(sandbox, vic, SURFACES.personal, 'connection/start-login', {});
    expect(await finishSignIn(sandbox, vic, await completeAt(sandbox, again.url, sam))).toMatchObject({
      ok: true,
    });
    await invokeOk(sandbox, vic, SURFACES.personal, 'connection/disconnect', {});
  });

  it('lets a person log in again with the same Microsoft account', async () => {
    for (let round = 0; round < 2; round++) {
      const { url } = await invokeOk(sandbox, mia, SURFACES.personal, 'connection/start-login', {});
      expect(await finishSignIn(sandbox, mia, await completeAt(sandbox, url, mia))).toMatchObject({
        ok: true,
      });
    }
    expect(await connectionOf(sandbox, mia)).toMatchObject({ status: 'ok', upn: mia.upn });
  });
});

describe('invariant 6: admin consent is finished only by the admin who started it', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    await mapTenant(sandbox);
  });
  afterAll(() => sandbox.stop());

  const consentState = async () => (await invokeOk(sandbox, ada, SURFACES.global, 'tenant/get', {})).consent;

  it('refuses another person’s Confluence session and grants nothing; the starter then finishes', async () => {
    const { url } = await invokeOk(sandbox, ada, SURFACES.global, 'tenant/start-consent', {});
    const callback = await openCallback(
      await redirectFromMicrosoft(sandbox, url, ada, { decision: 'accept' }),
    );
    expect(callback.status).toBe(303);
    const code = callback.code as string;

    expect(await finishSignIn(sandbox, sam, code)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await consentState()).toBe('not-granted');

    expect(await finishSignIn(sandbox, ada, code)).toMatchObject({ ok: true, data: { kind: 'consented' } });
    expect(await consentState()).toBe('granted');
  });
});
