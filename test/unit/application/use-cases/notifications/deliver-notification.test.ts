import {
  deliverNotification,
  MAX_ATTEMPTS,
} from '../../../../../src/application/use-cases/notifications/deliver-notification';
import { MicrosoftRequestError } from '../../../../../src/application/ports/microsoft';
import type { DeliveryStatus } from '../../../../../src/domain/delivery';
import { aRule } from '../../../../support/builders';
import {
  cardIn,
  deliveryDeps,
  NOW,
  OWNER,
  plannedDelivery,
  attemptNo,
} from '../../../../support/delivery-harness';
import { fakeConfluence, fakeTokenVault, scriptedIdentity, scriptedTeams } from '../../../../support/fakes';

const delivery = plannedDelivery();
/** The queue message as a row keeps it: ids, no title (invariant 3). */
const storedRequest = { ...delivery, event: { ...delivery.event, title: '' } };

describe('deliverNotification', () => {
  it('posts once and records the message with its request; a second run does nothing (invariant 4)', async () => {
    const deps = deliveryDeps();
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toEqual({
      kind: 'sent',
      messageId: 'm-1',
      via: 'post',
    });
    expect(await deliverNotification(deps, delivery, attemptNo(2))).toEqual({
      kind: 'already-done',
      status: 'sent',
    });
    expect(deps.teams.postedCards()).toHaveLength(1);
    expect(deps.deliveries.recordFor(delivery.deliveryKey)).toMatchObject({
      status: 'sent',
      messageId: 'm-1',
      ownerAccountId: OWNER,
      attempts: 1,
      request: storedRequest,
    });
  });

  it.each<DeliveryStatus>(['sent', 'skipped', 'failed', 'held'])(
    'treats a %s row as final',
    async (status) => {
      const deps = deliveryDeps();
      await deps.deliveries.put({ ...baseRow(), status });
      expect(await deliverNotification(deps, delivery, attemptNo(1))).toEqual({
        kind: 'already-done',
        status,
      });
      expect(deps.teams.postedCards()).toHaveLength(0);
    },
  );

  it('sends a row an admin set to retrying, once, counting the earlier attempts', async () => {
    const deps = deliveryDeps();
    await deps.deliveries.put({
      ...baseRow(),
      status: 'retrying',
      attempts: 5,
      reason: 'Teams answered 503',
    });
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({ kind: 'sent' });
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toEqual({
      kind: 'already-done',
      status: 'sent',
    });
    expect(deps.teams.postedCards()).toHaveLength(1);
    expect(deps.deliveries.recordFor(delivery.deliveryKey)).toMatchObject({ status: 'sent', attempts: 6 });
    expect(deps.deliveries.recordFor(delivery.deliveryKey)?.reason).toBeUndefined();
  });

  it('sends nothing for content the owner cannot view, and keeps its title out of the log', async () => {
    const deps = { ...deliveryDeps(), ...fakeConfluence({ getContentAs: async () => null }) };
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toEqual({
      kind: 'skipped',
      reason: 'The rule owner cannot view this content',
    });
    expect(deps.teams.postedCards()).toHaveLength(0);
    expect(deps.deliveries.recordFor(delivery.deliveryKey)).toMatchObject({ status: 'skipped' });
    expect(deps.deliveries.recordFor(delivery.deliveryKey)).not.toHaveProperty('title');
  });

  it('hands throttling back to the queue with Teams’ Retry-After, without recording', async () => {
    const deps = {
      ...deliveryDeps(),
      teams: scriptedTeams([new MicrosoftRequestError('throttled', 429, 'TooManyRequests', 'slow', 7)]),
    };
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({
      kind: 'retry',
      retryAfterSeconds: 7,
    });
    expect(deps.deliveries.recordCount()).toBe(0);
  });

  it('retries a dropped connection (no answer at all)', async () => {
    const dropped = new MicrosoftRequestError(
      'maybe-sent',
      503,
      'network_error',
      'Could not reach Microsoft Graph',
    );
    const deps = { ...deliveryDeps(), teams: scriptedTeams([dropped]) };
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({
      kind: 'retry',
      retryAfterSeconds: 30,
    });
  });

  it('records a permanent failure with its reason and request on the last attempt', async () => {
    const deps = {
      ...deliveryDeps(),
      teams: scriptedTeams([new MicrosoftRequestError('unavailable', 503, 'ServiceUnavailable', 'down')]),
    };
    expect(await deliverNotification(deps, delivery, attemptNo(MAX_ATTEMPTS))).toMatchObject({
      kind: 'failed',
    });
    expect(deps.deliveries.recordFor(delivery.deliveryKey)).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      reason: `Microsoft Teams answered 503 (ServiceUnavailable); gave up after ${MAX_ATTEMPTS} attempts.`,
      request: storedRequest,
    });
  });

  it('records a refused post (403) as failed at once, naming the owner', async () => {
    const deps = {
      ...deliveryDeps(),
      teams: scriptedTeams([new MicrosoftRequestError('forbidden', 403, 'Forbidden', 'not a member')]),
    };
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(
        /^Microsoft Teams answered 403 \(Forbidden\): Name of owner-1 may no longer/,
      ),
    });
  });

  it('refreshes once when Graph refuses the token, storing the rotated refresh token', async () => {
    const identity = scriptedIdentity([
      { accessToken: 'at-2', refreshToken: 'rt-2', idToken: null, expiresInSeconds: 3600, scope: '' },
    ]);
    const teams = scriptedTeams([
      new MicrosoftRequestError('token-rejected', 401, 'InvalidAuthenticationToken', 'expired'),
    ]);
    const deps = { ...deliveryDeps(), identity, teams };
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({ kind: 'sent' });
    expect(deps.teams.postedCards().map((p) => p.token)).toEqual(['at-1', 'at-2']);
    expect(identity.refreshTokensUsed()).toEqual(['rt-1']);
    expect(deps.tokens.tokensOf(OWNER)?.refreshToken).toBe('rt-2');
  });

  it('marks the connection needs-login on invalid_grant and records why the rules are paused', async () => {
    const identity = scriptedIdentity([
      new MicrosoftRequestError('grant-rejected', 400, 'invalid_grant', 'revoked'),
    ]);
    const tokens = fakeTokenVault({
      [OWNER]: { refreshToken: 'rt-1', accessToken: 'old', accessTokenExpiresAt: NOW - 1 },
    });
    const deps = { ...deliveryDeps(), identity, tokens };
    const reason =
      "Name of owner-1's Microsoft sign-in expired; their rules are paused until they log in again.";
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toEqual({ kind: 'failed', reason });
    expect(deps.connections.connectionOf(OWNER)?.status).toBe('needs-login');
    expect(deps.deliveries.recordFor(delivery.deliveryKey)).toMatchObject({ status: 'failed', reason });
    expect(deps.teams.postedCards()).toHaveLength(0);
  });

  it('records a disconnected owner as failed, with a reason', async () => {
    const deps = deliveryDeps();
    deps.connections.forget(OWNER);
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('is not logged in to Microsoft Teams'),
    });
  });

  it('retries an unexpected error, then records it without its message', async () => {
    const confluence = fakeConfluence({
      getContentAs: async () => {
        throw Object.assign(new Error('secret-ish detail'), { name: 'ConfluenceReadError', status: 502 });
      },
    });
    const deps = { ...deliveryDeps(), ...confluence };
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({ kind: 'retry' });
    const last = await deliverNotification(deps, delivery, attemptNo(MAX_ATTEMPTS));
    expect(last).toEqual({
      kind: 'failed',
      reason: `Unexpected error (ConfluenceReadError 502); gave up after ${MAX_ATTEMPTS} attempts.`,
    });
  });

  it('records a personal destination as failed until the bot exists', async () => {
    const personal = plannedDelivery({}, [
      aRule({ ownerAccountId: OWNER, destination: { type: 'personal' } }),
    ]);
    const deps = deliveryDeps();
    expect(await deliverNotification(deps, personal, attemptNo(1))).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('companion bot'),
    });
    expect(deps.teams.postedCards()).toHaveLength(0);
  });

  describe('a row keeps only ids until the owner’s view check passed (invariant 3)', () => {
    const SECRET_TITLE = 'Merger plan: acquire Contoso';

    it('records a personal destination’s failure without the title', async () => {
      const personal = plannedDelivery({ title: SECRET_TITLE }, [
        aRule({ ownerAccountId: OWNER, destination: { type: 'personal' } }),
      ]);
      const deps = deliveryDeps();
      await deliverNotification(deps, personal, attemptNo(1));
      const row = deps.deliveries.recordFor(personal.deliveryKey);
      expect(row).toMatchObject({ status: 'failed', contentId: personal.event.contentId });
      expect(JSON.stringify(row)).not.toContain(SECRET_TITLE);
    });

    it('records a failure before the view check (Confluence down) without the title', async () => {
      const confluence = fakeConfluence({
        getContentAs: async () => {
          throw Object.assign(new Error('down'), { name: 'ConfluenceReadError', status: 503 });
        },
      });
      const secret = plannedDelivery({ title: SECRET_TITLE });
      const deps = { ...deliveryDeps(), ...confluence };
      await deliverNotification(deps, secret, attemptNo(MAX_ATTEMPTS));
      const row = deps.deliveries.recordFor(secret.deliveryKey);
      expect(row).toMatchObject({ status: 'failed' });
      expect(JSON.stringify(row)).not.toContain(SECRET_TITLE);
    });

    it('records a skip for content the owner cannot view without the title', async () => {
      const secret = plannedDelivery({ title: SECRET_TITLE });
      const deps = { ...deliveryDeps(), ...fakeConfluence({ getContentAs: async () => null }) };
      await deliverNotification(deps, secret, attemptNo(1));
      const row = deps.deliveries.recordFor(secret.deliveryKey);
      expect(row).toMatchObject({ status: 'skipped' });
      expect(JSON.stringify(row)).not.toContain(SECRET_TITLE);
    });

    it('records the title the owner read once the check passed', async () => {
      const deps = deliveryDeps();
      const sent = plannedDelivery({ title: 'Old title from the event' });
      await deliverNotification(deps, sent, attemptNo(1));
      const row = deps.deliveries.recordFor(sent.deliveryKey);
      expect(row).toMatchObject({ status: 'sent', title: 'Release plan 2027' });
      expect(JSON.stringify(row)).not.toContain('Old title from the event');
    });
  });

  it('sends a card with the change, breadcrumb, labels and both buttons, read as the owner', async () => {
    const reads: string[] = [];
    const confluence = fakeConfluence({
      getContentAs: async (_account, id) => ({
        id,
        type: 'page',
        title: 'Release plan 2027',
        spaceKey: 'ENG',
        spaceName: 'Engineering',
        version: 3,
        versionMessage: 'Moved the launch',
        url: `https://site.example/wiki/spaces/ENG/pages/${id}`,
        baseUrl: 'https://site.example/wiki',
        ancestors: [{ id: '1', title: 'Engineering home' }],
        labels: ['release'],
      }),
      getVersionBodyAs: async (account, _id, version) => {
        reads.push(`${account}:v${version}`);
        return version === 2 ? '<p>Launch in February.</p>' : '<p>Launch in <strong>March</strong>.</p>';
      },
    });
    const deps = { ...deliveryDeps(), ...confluence };
    await deliverNotification(deps, delivery, attemptNo(1));
    expect(reads.sort()).toEqual([`${OWNER}:v2`, `${OWNER}:v3`]);
    const text = JSON.stringify(cardIn(deps.teams.postedCards()[0]?.message));
    for (const expected of [
      'Engineering home',
      'release',
      'Moved the launch',
      'Updated by Name of editor',
      '**March.**',
      'February.',
    ])
      expect(text).toContain(expected);
    expect(text).toContain(
      'https://site.example/wiki/pages/diffpagesbyversion.action?pageId=65601&selectedPageVersions=2&selectedPageVersions=3',
    );
  });
});

function baseRow() {
  return {
    schemaVersion: 1 as const,
    key: delivery.deliveryKey,
    status: 'sent' as DeliveryStatus,
    ownerAccountId: OWNER,
    destination: delivery.destination,
    contentId: delivery.event.contentId,
    title: delivery.event.title,
    attempts: 1,
    request: delivery,
    updatedAt: NOW,
  };
}
