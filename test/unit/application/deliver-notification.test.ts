import { deliverNotification, MAX_ATTEMPTS } from '../../../src/application/deliver-notification';
import { MicrosoftRequestError } from '../../../src/application/ports/microsoft';
import type { Connection } from '../../../src/domain/connection';
import { planDeliveries } from '../../../src/domain/delivery-plan';
import type { TenantMapping } from '../../../src/domain/tenant-mapping';
import { aContentEvent, aRule } from '../../support/builders';
import {
  fakeConfluence,
  fakeConnections,
  fakeDeliveryStore,
  fakeTenants,
  fakeTokenVault,
  fixedClock,
  scriptedIdentity,
  scriptedTeams,
} from '../../support/fakes';

const OWNER = 'owner-1';
const NOW = Date.parse('2026-11-22T10:00:00Z');
const connection: Connection = {
  schemaVersion: 1,
  accountId: OWNER,
  oid: 'oid',
  tenantId: 't',
  upn: 'o@x',
  displayName: 'Owner',
  status: 'ok',
  scopes: [],
  connectedAt: 'x',
  updatedAt: 'x',
};
const mapping: TenantMapping = {
  schemaVersion: 1,
  tenantId: 't',
  clientId: 'c',
  secretExpiresOn: '2027-01-01',
  consent: { status: 'not-granted' },
  updatedAt: 'x',
  updatedBy: 'x',
};
const [delivery] = planDeliveries(aContentEvent({ actorAccountId: 'editor-1' }), [
  aRule({ ownerAccountId: OWNER }),
]);
if (!delivery) throw new Error('expected a delivery');

const baseDeps = () => ({
  deliveries: fakeDeliveryStore(),
  confluence: fakeConfluence(),
  teams: scriptedTeams(),
  tenants: fakeTenants(mapping, 'secret'),
  connections: fakeConnections([connection]),
  tokens: fakeTokenVault({
    [OWNER]: { refreshToken: 'rt-1', accessToken: 'at-1', accessTokenExpiresAt: NOW + 3_600_000 },
  }),
  identity: scriptedIdentity([]),
  clock: fixedClock(),
});

const depsWith = (overrides: Partial<ReturnType<typeof baseDeps>> = {}) => ({ ...baseDeps(), ...overrides });

describe('deliverNotification', () => {
  it('posts once and records the message; a second run of the same delivery does nothing', async () => {
    const deps = depsWith();
    expect(await deliverNotification(deps, delivery, 1)).toEqual({ kind: 'sent', messageId: 'm-1' });
    expect(await deliverNotification(deps, delivery, 2)).toEqual({ kind: 'already-done', status: 'sent' });
    expect(deps.teams.posts).toHaveLength(1);
    expect(deps.deliveries.rows.get(delivery.deliveryKey)).toMatchObject({
      status: 'sent',
      messageId: 'm-1',
    });
  });

  it('sends nothing for content the owner cannot view, and records why', async () => {
    const deps = depsWith({ confluence: fakeConfluence({ getContentAs: async () => null }) });
    expect(await deliverNotification(deps, delivery, 1)).toMatchObject({ kind: 'skipped' });
    expect(deps.teams.posts).toHaveLength(0);
    expect(deps.deliveries.rows.get(delivery.deliveryKey)?.status).toBe('skipped');
  });

  it('hands throttling back to the queue with Teams’ Retry-After, without recording', async () => {
    const deps = depsWith({
      teams: scriptedTeams([new MicrosoftRequestError(429, 'TooManyRequests', 'slow down', 7)]),
    });
    expect(await deliverNotification(deps, delivery, 1)).toMatchObject({
      kind: 'retry',
      retryAfterSeconds: 7,
    });
    expect(deps.deliveries.rows.size).toBe(0);
  });

  it('records a permanent failure on the last attempt', async () => {
    const deps = depsWith({
      teams: scriptedTeams([new MicrosoftRequestError(503, 'ServiceUnavailable', 'down')]),
    });
    expect(await deliverNotification(deps, delivery, MAX_ATTEMPTS)).toMatchObject({ kind: 'failed' });
    expect(deps.deliveries.rows.get(delivery.deliveryKey)).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
    });
  });

  it('records a refused post (403) as failed at once', async () => {
    const deps = depsWith({
      teams: scriptedTeams([new MicrosoftRequestError(403, 'Forbidden', 'not a member')]),
    });
    expect(await deliverNotification(deps, delivery, 1)).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('403'),
    });
  });

  it('refreshes once when Graph refuses the token, storing the rotated refresh token', async () => {
    const identity = scriptedIdentity([
      { accessToken: 'at-2', refreshToken: 'rt-2', idToken: null, expiresInSeconds: 3600, scope: '' },
    ]);
    const deps = depsWith({
      identity,
      teams: scriptedTeams([new MicrosoftRequestError(401, 'InvalidAuthenticationToken', 'expired')]),
    });
    expect(await deliverNotification(deps, delivery, 1)).toMatchObject({ kind: 'sent' });
    expect(deps.teams.posts.map((p) => p.token)).toEqual(['at-1', 'at-2']);
    expect(identity.refreshedWith).toEqual(['rt-1']);
    expect(deps.tokens.map.get(OWNER)?.refreshToken).toBe('rt-2');
  });

  it('marks the connection needs-login when the refresh token is refused, and records the failure', async () => {
    const identity = scriptedIdentity([new MicrosoftRequestError(400, 'invalid_grant', 'revoked')]);
    const tokens = fakeTokenVault({
      [OWNER]: { refreshToken: 'rt-1', accessToken: 'old', accessTokenExpiresAt: NOW - 1 },
    });
    const deps = depsWith({ identity, tokens });
    expect(await deliverNotification(deps, delivery, 1)).toMatchObject({
      kind: 'failed',
      reason: expect.stringContaining('Log in to Microsoft Teams again'),
    });
    expect(deps.connections.map.get(OWNER)?.status).toBe('needs-login');
    expect(deps.teams.posts).toHaveLength(0);
  });
});
