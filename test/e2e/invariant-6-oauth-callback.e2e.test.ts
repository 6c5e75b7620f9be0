import {
  SURFACES,
  finishSignIn,
  invokeOk,
  openCallback,
  redirectFromMicrosoft,
  signInAtMicrosoft,
} from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { ENTRA_APP, TENANT, person } from '../../dev/seed';
import { manualClock, startTestSandbox } from '../support/sandbox-fixture';

/** Everything the app stores except the single-use values and their markers. */
const storedState = (sandbox: Sandbox) => {
  const dump = sandbox.forge.kvsDump();
  const keys = Object.fromEntries(Object.entries(dump.keys).filter(([key]) => !key.startsWith('oauth-')));
  const secretKeys = dump.secretKeys.filter((key) => !key.startsWith('oauth-')).sort();
  return { keys, entities: dump.entities, secretKeys };
};

const callback = async (sandbox: Sandbox, query: string) => {
  const response = await fetch(`${sandbox.oauthCallbackUrl}${query}`, { redirect: 'manual' });
  return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
};

const kvsOps = (sandbox: Sandbox): number =>
  Object.values(sandbox.forge.stats.snapshot().kvs.ops).reduce((sum, n) => sum + (n ?? 0), 0);

/** A state of the right shape that the app never issued. */
const FORGED_STATE = 'A'.repeat(43);

describe('invariant 6: the OAuth callback authenticates its state before changing anything', () => {
  const clock = manualClock();
  const mia = person('mia');
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startTestSandbox({ clock: clock.now });
    await invokeOk(sandbox, person('ada'), SURFACES.global, 'tenant/save', {
      tenantId: TENANT.id,
      clientId: ENTRA_APP.clientId,
      clientSecret: ENTRA_APP.clientSecret,
      secretExpiresOn: ENTRA_APP.secretExpiresOn,
    });
    // The app's permissions include one only an administrator can grant (ChannelMessage.ReadWrite).
    const consent = await invokeOk(sandbox, person('ada'), SURFACES.global, 'tenant/start-consent', {});
    await signInAtMicrosoft(sandbox, consent.url, person('ada'), { decision: 'accept' });
  });
  afterAll(() => sandbox.stop());

  it.each([
    ['a missing state', '?code=abc'],
    ['an empty state', '?state=&code=abc'],
    ['a state too short', '?state=abc&code=abc'],
    ['a state too long', `?state=${'A'.repeat(44)}&code=abc`],
    ['a state with characters outside base64url', `?state=${'A'.repeat(42)}%2F&code=abc`],
    ['a state of odd Unicode', `?state=${encodeURIComponent('é'.repeat(43))}&code=abc`],
    ['a huge state', `?state=${'A'.repeat(8000)}&code=abc`],
  ])('refuses %s with 400 before any storage call', async (_name, query) => {
    const before = storedState(sandbox);
    const opsBefore = kvsOps(sandbox);
    const answer = await callback(sandbox, query);
    expect(answer.status).toBe(400);
    expect(answer.type).toMatch(/text\/html/);
    expect(answer.body).toMatch(/no valid state/);
    expect(kvsOps(sandbox)).toBe(opsBefore);
    expect(storedState(sandbox)).toEqual(before);
  });

  it('answers 400 with a clear page for a well-formed state it never issued, and stores nothing', async () => {
    const before = storedState(sandbox);
    const answer = await callback(sandbox, `?code=abc&state=${FORGED_STATE}`);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/expired or was already used/);
    expect(storedState(sandbox)).toEqual(before);
  });

  it('refuses a replayed callback and stores nothing the second time', async () => {
    const { url } = await invokeOk(sandbox, mia, SURFACES.personal, 'connection/start-login', {});
    const location = await redirectFromMicrosoft(sandbox, url, mia);
    const first = await openCallback(location);
    expect(first.status).toBe(303);
    const before = storedState(sandbox);
    const replay = await openCallback(location);
    expect(replay.status).toBe(400);
    expect(replay.body).toMatch(/expired or was already used/);
    expect(storedState(sandbox)).toEqual(before);
  });

  it('lets exactly one of two racing callbacks with the same state through', async () => {
    const { url } = await invokeOk(sandbox, mia, SURFACES.personal, 'connection/start-login', {});
    const location = await redirectFromMicrosoft(sandbox, url, mia);
    const answers = await Promise.all(Array.from({ length: 4 }, () => openCallback(location)));
    expect(answers.map((a) => a.status).sort()).toEqual([303, 400, 400, 400]);
  });

  it('refuses a state older than ten minutes', async () => {
    const vic = person('vic');
    const { url } = await invokeOk(sandbox, vic, SURFACES.personal, 'connection/start-login', {});
    clock.advance(11 * 60 * 1000);
    const before = storedState(sandbox);
    const answer = await signInAtMicrosoft(sandbox, url, vic);
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/expired or was already used/);
    expect(storedState(sandbox)).toEqual(before);
  });

  it('shows its own words for Microsoft’s error (the user cancelled) and stores nothing', async () => {
    const sam = person('sam');
    const { url } = await invokeOk(sandbox, sam, SURFACES.personal, 'connection/start-login', {});
    const before = storedState(sandbox);
    const answer = await signInAtMicrosoft(sandbox, url, sam, { cancel: '1' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/Microsoft did not complete the sign-in\. The sign-in was cancelled/);
    expect(storedState(sandbox)).toEqual(before);
    const view = await invokeOk(sandbox, sam, SURFACES.personal, 'connection/get', {});
    expect(view.status).toBe('not-connected');
  });

  it.each([
    ['access_denied', /was cancelled/],
    ['consent_required', /grant admin consent/],
    ['invalid_client', /check it in Settings → Microsoft Teams/],
    ['temporarily_unavailable', /Wait a minute/],
    ['something_new', /Microsoft did not complete the sign-in\. Start again from Confluence\./],
  ])(
    'for error=%s shows fixed text, never Microsoft’s description, and logs the description',
    async (error, text) => {
      const rex = person('rex');
      const { url } = await invokeOk(sandbox, rex, SURFACES.personal, 'connection/start-login', {});
      const state = new URL(url).searchParams.get('state') ?? '';
      const description = `AADSTS50105: <script>alert(1)</script> phishing text ${error}`;
      const answer = await callback(
        sandbox,
        `?state=${state}&error=${error}&error_description=${encodeURIComponent(description)}`,
      );
      expect(answer.status).toBe(400);
      expect(answer.body).toMatch(text);
      expect(answer.body).not.toContain('AADSTS50105');
      expect(answer.body).not.toContain('phishing');
      expect(answer.body).not.toContain('<script>');
      const logged = sandbox.forge.logs.map((entry) => entry.message).join('\n');
      expect(logged).toContain(`Microsoft answered ${error}: AADSTS50105`);
    },
  );

  it('refuses a completion code that is not the app’s shape, and one it never issued', async () => {
    const before = storedState(sandbox);
    for (const code of ['x', FORGED_STATE, 'é'.repeat(43)]) {
      const answer = await finishSignIn(sandbox, mia, code);
      expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(storedState(sandbox)).toEqual(before);
  });
});
