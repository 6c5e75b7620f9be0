import { describe, expect, it } from '@jest/globals';
import { accessTokenFor, refreshScopes } from '../../../../src/application/services/access-tokens';
import { SIGN_IN_SCOPES } from '../../../../src/domain/microsoft-permissions';
import {
  fakeConnections,
  fakeTenants,
  fakeTokenVault,
  fixedClock,
  scriptedIdentity,
} from '../../../support/fakes';
import { aConnection, aTenantMapping } from '../../../support/settings-builders';

const expired = { refreshToken: 'r1', accessToken: 'a1', accessTokenExpiresAt: 0 };
const fresh = { accessToken: 'a2', refreshToken: 'r2', idToken: null, expiresInSeconds: 3600, scope: '' };

const depsFor = (scopes: string[]) => {
  const identity = scriptedIdentity([fresh]);
  const tokens = fakeTokenVault({ 'owner-1': expired });
  return {
    identity,
    tokens,
    deps: {
      tenants: fakeTenants(aTenantMapping(), 'secret'),
      connections: fakeConnections([aConnection({ scopes })]),
      tokens,
      identity,
      clock: fixedClock(),
    },
  };
};

describe('accessTokenFor', () => {
  it('refreshes with the scopes granted at sign-in, so a permission added later cannot break the refresh', async () => {
    const { deps, identity, tokens } = depsFor(['ChannelMessage.Send', 'User.Read']);
    await expect(accessTokenFor(deps, 'owner-1')).resolves.toBe('a2');
    expect(identity.scopesRequested()).toEqual([
      ['openid', 'profile', 'offline_access', 'ChannelMessage.Send', 'User.Read'],
    ]);
    expect(identity.scopesRequested()[0]).not.toContain('ChannelMessage.ReadWrite');
    expect(tokens.tokensOf('owner-1')?.refreshToken).toBe('r2');
  });

  it('asks for the full sign-in list when the connection recorded no scopes', () => {
    expect(refreshScopes([])).toEqual(SIGN_IN_SCOPES);
  });
});
