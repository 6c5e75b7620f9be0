import {
  SURFACES,
  invokeOk,
  redirectFromMicrosoft,
  signInAtMicrosoft,
} from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { ENTRA_APP, TENANT, person } from '../../dev/seed';
import { manualClock, startTestSandbox } from '../support/sandbox-fixture';

/** Everything the app stores except the single-use states themselves. */
const storedState = (sandbox: Sandbox) => {
  const dump = sandbox.forge.kvsDump();
  const keys = Object.fromEntries(
    Object.entries(dump.keys).filter(([key]) => !key.startsWith('oauth-state:')),
  );
  return { keys, entities: dump.entities, secretKeys: [...dump.secretKeys].sort() };
};

const callback = async (sandbox: Sandbox, query: string) => {
  const response = await fetch(`${sandbox.oauthCallbackUrl}${query}`);
  return { status: response.status, body: await response.text(), type: response.headers.get('content-type') };
};

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
    ['a missing state', '?code=abc', /no state/],
    ['an unknown state', '?code=abc&state=forged-state-value', /expired or was already used/],
    ['an empty state', '?state=&code=abc', /no state/],
  ])('answers 400 with a clear page for %s and stores nothing', async (_name, query, message) => {
    const before = storedState(sandbox);
    const answer = await callback(sandbox, query);
    expect(answer.status).toBe(400);
    expect(answer.type).toMatch(/text\/html/);
    expect(answer.body).toMatch(message);
    expect(storedState(sandbox)).toEqual(before);
  });

  it('refuses a replayed callback and stores nothing the second time', async () => {
    const { url } = await invokeOk(sandbox, mia, SURFACES.personal, 'connection/start-login', {});
    const location = await redirectFromMicrosoft(sandbox, url, mia);
    const first = await fetch(location);
    expect(first.status).toBe(200);
    const before = storedState(sandbox);
    const replay = await fetch(location);
    expect(replay.status).toBe(400);
    expect(await replay.text()).toMatch(/expired or was already used/);
    expect(storedState(sandbox)).toEqual(before);
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

  it('shows Microsoft’s error (the user cancelled) as a 400 page and stores nothing', async () => {
    const sam = person('sam');
    const { url } = await invokeOk(sandbox, sam, SURFACES.personal, 'connection/start-login', {});
    const before = storedState(sandbox);
    const answer = await signInAtMicrosoft(sandbox, url, sam, { cancel: '1' });
    expect(answer.status).toBe(400);
    expect(answer.body).toMatch(/Microsoft did not complete the sign-in/);
    expect(storedState(sandbox)).toEqual(before);
    const view = await invokeOk(sandbox, sam, SURFACES.personal, 'connection/get', {});
    expect(view.status).toBe('not-connected');
  });

  it('escapes what Microsoft sent before showing it', async () => {
    const rex = person('rex');
    const { url } = await invokeOk(sandbox, rex, SURFACES.personal, 'connection/start-login', {});
    const state = new URL(url).searchParams.get('state') ?? '';
    const answer = await callback(
      sandbox,
      `?state=${state}&error=access_denied&error_description=${encodeURIComponent('<script>alert(1)</script>')}`,
    );
    expect(answer.status).toBe(400);
    expect(answer.body).not.toContain('<script>alert(1)</script>');
    expect(answer.body).toContain('&#60;script&#62;');
  });
});
