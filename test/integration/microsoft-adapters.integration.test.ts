import { TENANT, person } from '../../dev/seed';
import type { TokenSet } from '../../src/application/ports/microsoft';
import { SIGN_IN_SCOPES } from '../../src/domain/microsoft-permissions';
import { readJwtClaims } from '../../src/domain/jwt-claims';
import { startAdapterHarness, type AdapterHarness } from './support/adapter-harness';
import { grantAdminConsent, INTEGRATION_APP, signIn as signInAs } from './support/microsoft-sign-in';

const APP = INTEGRATION_APP;

describe('Microsoft adapters against the Microsoft simulator (real fetch egress, real Graph client)', () => {
  let h: AdapterHarness;

  const signIn = (key: 'ada' | 'mia'): Promise<TokenSet> => signInAs(h, key);

  beforeAll(async () => {
    h = await startAdapterHarness();
    // ChannelMessage.ReadWrite needs an administrator's consent, as the tenant mapping grants it.
    await grantAdminConsent(h);
  });
  afterAll(() => h.stop());

  it('redeems an authorization code with PKCE and reads the identity from the ID token', async () => {
    const tokens = await signIn('mia');
    expect(tokens.refreshToken).toBeTruthy();
    expect(readJwtClaims(tokens.idToken ?? '')).toMatchObject({ oid: person('mia').oid, tid: TENANT.id });
  });

  it('rotates the refresh token and refuses the old one with invalid_grant', async () => {
    const first = await signIn('mia');
    const second = await h.value<TokenSet>('identity', 'refresh', APP, {
      refreshToken: first.refreshToken,
      scopes: SIGN_IN_SCOPES,
    });
    expect(second.refreshToken).toBeTruthy();
    expect(second.refreshToken).not.toBe(first.refreshToken);
    const reused = await h.call('identity', 'refresh', APP, {
      refreshToken: first.refreshToken,
      scopes: SIGN_IN_SCOPES,
    });
    expect(reused).toMatchObject({
      ok: false,
      name: 'MicrosoftRequestError',
      code: 'invalid_grant',
      status: 400,
    });
    if (!reused.ok) expect(reused.message).not.toContain(String(first.refreshToken));
  });

  it('reports a wrong client secret without echoing it', async () => {
    const result = await h.call('identity', 'clientCredentials', {
      ...APP,
      clientSecret: 'wrong-secret-xyz',
    });
    expect(result).toMatchObject({ ok: false, code: 'invalid_client', status: 401 });
    if (!result.ok) expect(result.message).not.toContain('wrong-secret-xyz');
  });

  it('gets an app-only token whose tid names the tenant', async () => {
    const tokens = await h.value<TokenSet>('identity', 'clientCredentials', APP);
    expect(readJwtClaims(tokens.accessToken)?.['tid']).toBe(TENANT.id);
  });

  it('lists teams, channels (private ones only for members) and chats through the Graph client', async () => {
    type Listed<T> = { items: T[]; truncated: boolean };
    const mia = (await signIn('mia')).accessToken;
    const ada = (await signIn('ada')).accessToken;
    const teams = await h.value<Listed<{ id: string; displayName: string }>>('graph', 'listJoinedTeams', mia);
    expect(teams.truncated).toBe(false);
    expect(teams.items.map((t) => t.displayName).sort()).toEqual(['Engineering', 'Marketing']);
    const eng = teams.items.find((t) => t.displayName === 'Engineering')?.id;
    const miaChannels = await h.value<Listed<{ displayName: string }>>('graph', 'listChannels', mia, eng);
    const adaChannels = await h.value<Listed<{ displayName: string }>>('graph', 'listChannels', ada, eng);
    expect(miaChannels.items.map((c) => c.displayName)).not.toContain('Leads');
    expect(adaChannels.items.map((c) => c.displayName)).toContain('Leads');
    const chats = await h.value<Listed<{ topic: string }>>('graph', 'listChats', mia);
    expect(chats.items.map((c) => c.topic)).toContain('Docs crew');
  });

  describe('posting', () => {
    const channel = {
      type: 'channel',
      teamId: '2c1e7a90-aaaa-4b6e-8a1f-100000000001',
      channelId: '19:eng-general@thread.tacv2',
      teamName: 'Engineering',
      channelName: 'General',
    };
    const card = { type: 'AdaptiveCard', version: '1.4', body: [{ type: 'TextBlock', text: 'integration' }] };
    /** What the Teams messenger takes: the adapter wraps it in Graph's chatMessage. */
    const message = { card, sendId: 'a1' };
    afterEach(() => h.microsoft.faults.clear());

    it('posts a card to a channel and returns the message id', async () => {
      const token = (await signIn('mia')).accessToken;
      const posted = await h.value<{ messageId: string }>('graph', 'postMessage', token, channel, message);
      expect(h.microsoft.messages().some((m) => JSON.stringify(m).includes(posted.messageId))).toBe(true);
    });

    it('turns throttling into a MicrosoftRequestError carrying Retry-After', async () => {
      const token = (await signIn('mia')).accessToken;
      h.microsoft.faults.set({ rate429: 1, retryAfterSeconds: 7 });
      const result = await h.call('graph', 'postMessage', token, channel, message);
      expect(result).toMatchObject({
        ok: false,
        name: 'MicrosoftRequestError',
        status: 429,
        retryAfterSeconds: 7,
      });
    });

    it('turns a dropped connection into a retryable error', async () => {
      const token = (await signIn('mia')).accessToken;
      h.microsoft.faults.set({ dropRate: 1 });
      const result = await h.call('graph', 'postMessage', token, channel, message);
      expect(result).toMatchObject({
        ok: false,
        name: 'MicrosoftRequestError',
        status: 503,
        code: 'network_error',
      });
    });

    describe('failures, translated into the kinds the application branches on', () => {
      it('429 is throttled, with the Retry-After', async () => {
        const token = (await signIn('mia')).accessToken;
        h.microsoft.faults.set({ rate429: 1, retryAfterSeconds: 7 });
        expect(await h.call('graph', 'postMessage', token, channel, message)).toMatchObject({
          kind: 'throttled',
          retryAfterSeconds: 7,
        });
      });

      it('a dropped connection is maybe-sent', async () => {
        const token = (await signIn('mia')).accessToken;
        h.microsoft.faults.set({ dropRate: 1 });
        expect(await h.call('graph', 'postMessage', token, channel, message)).toMatchObject({
          kind: 'maybe-sent',
        });
      });

      it('503 is unavailable: nothing was done', async () => {
        const token = (await signIn('mia')).accessToken;
        h.microsoft.faults.set({ rate503: 1 });
        expect(await h.call('graph', 'postMessage', token, channel, message)).toMatchObject({
          kind: 'unavailable',
          status: 503,
        });
      });

      it('a token Graph does not accept is token-rejected', async () => {
        expect(await h.call('graph', 'postMessage', 'not-a-token', channel, message)).toMatchObject({
          kind: 'token-rejected',
          status: 401,
        });
      });

      // Each test below posts to a channel of its own: Graph allows 4 requests a second to one channel.
      it('editing someone else’s card is forbidden; a message that is not there is gone', async () => {
        const releases = { ...channel, channelId: '19:eng-releases@thread.tacv2', channelName: 'Releases' };
        const ada = (await signIn('ada')).accessToken;
        const mia = (await signIn('mia')).accessToken;
        const posted = await h.value<{ messageId: string }>('graph', 'postMessage', ada, releases, message);
        expect(
          await h.call('graph', 'updateMessage', mia, releases, posted.messageId, message),
        ).toMatchObject({ kind: 'forbidden', status: 403 });
        expect(
          await h.call('graph', 'updateMessage', ada, releases, 'no-such-message', message),
        ).toMatchObject({
          kind: 'gone',
          status: 404,
        });
        expect(
          await h.call('graph', 'replyToMessage', ada, releases, 'no-such-message', message),
        ).toMatchObject({
          kind: 'gone',
        });
      });

      it('a card over Teams’ size limit is invalid', async () => {
        const token = (await signIn('mia')).accessToken;
        const text = 'x'.repeat(40_000);
        const big = { card: { ...card, body: [{ type: 'TextBlock', text }] }, sendId: 'big' };
        const marketing = {
          type: 'channel',
          teamId: '2c1e7a90-bbbb-4b6e-8a1f-100000000002',
          channelId: '19:mkt-general@thread.tacv2',
          teamName: 'Marketing',
          channelName: 'General',
        };
        expect(await h.call('graph', 'postMessage', token, marketing, big)).toMatchObject({
          kind: 'invalid',
          status: 413,
        });
      });

      it('Entra: a used refresh token is grant-rejected, a wrong client secret app-rejected', async () => {
        const first = await signIn('mia');
        await h.value('identity', 'refresh', APP, {
          refreshToken: first.refreshToken,
          scopes: SIGN_IN_SCOPES,
        });
        expect(
          await h.call('identity', 'refresh', APP, {
            refreshToken: first.refreshToken,
            scopes: SIGN_IN_SCOPES,
          }),
        ).toMatchObject({ kind: 'grant-rejected' });
        expect(
          await h.call('identity', 'clientCredentials', { ...APP, clientSecret: 'wrong-secret-xyz' }),
        ).toMatchObject({ kind: 'app-rejected' });
      });
    });

    it('reports a refused post (not a member of the chat) as permanent', async () => {
      const token = (await signIn('mia')).accessToken;
      const chat = { type: 'chat', chatId: '19:not-mine@thread.v2', chatName: 'x' };
      const result = await h.call('graph', 'postMessage', token, chat, message);
      expect(result.ok).toBe(false);
      if (!result.ok) expect([403, 404]).toContain(result.status);
    });
  });
});
