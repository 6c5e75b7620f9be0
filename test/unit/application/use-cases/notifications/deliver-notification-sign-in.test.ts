import { deliverNotification } from '../../../../../src/application/use-cases/notifications/deliver-notification';
import { MicrosoftRequestError } from '../../../../../src/application/ports/microsoft';
import { deliveryDeps, NOW, OWNER, plannedDelivery, attemptNo } from '../../../../support/delivery-harness';
import { fakeTokenVault, scriptedIdentity, scriptedTeams } from '../../../../support/fakes';

const delivery = plannedDelivery();

/** The owner's Microsoft sign-in: a refreshed token, an expired grant, no connection at all. */
describe('deliverNotification', () => {
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
});
