import { describe, expect, it } from '@jest/globals';
import { accessTokenFor, refreshScopes } from '../../../../src/application/services/access-tokens';
import { MicrosoftRequestError } from '../../../../src/application/ports/microsoft';
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

  it('answers from the access token’s copy while it is valid, without reading the secret', async () => {
    const valid = {
      refreshToken: 'r1',
      accessToken: 'a1',
      accessTokenExpiresAt: Date.parse('2026-11-22T11:00:00Z'),
    };
    const { deps, identity } = depsFor(['ChannelMessage.Send']);
    const vault = fakeTokenVault({ 'owner-1': valid });
    const secretReads: string[] = [];
    const tokens = { ...vault, get: async (id: string) => (secretReads.push(id), vault.get(id)) };
    await expect(accessTokenFor({ ...deps, tokens }, 'owner-1')).resolves.toBe('a1');
    expect(secretReads).toEqual([]);
    expect(identity.refreshTokensUsed()).toEqual([]);
    // Graph refused it: the secret's refresh token is read and the new token stored.
    await expect(accessTokenFor({ ...deps, tokens }, 'owner-1', { forceRefresh: true })).resolves.toBe('a2');
    expect(secretReads).toEqual(['owner-1']);
    expect(vault.tokensOf('owner-1')).toMatchObject({ accessToken: 'a2', refreshToken: 'r2' });
  });

  it('forgets the access token’s copy when Microsoft refuses the refresh token (needs-login)', async () => {
    const refused = new MicrosoftRequestError('grant-rejected', 400, 'invalid_grant', 'revoked');
    const vault = fakeTokenVault({ 'owner-1': expired });
    const forgotten: string[] = [];
    const tokens = { ...vault, forgetAccess: async (id: string) => void forgotten.push(id) };
    const { deps } = depsFor([]);
    await expect(
      accessTokenFor({ ...deps, tokens, identity: scriptedIdentity([refused]) }, 'owner-1'),
    ).rejects.toMatchObject({ code: 'needs_login' });
    expect(forgotten).toEqual(['owner-1']);
    expect((await deps.connections.get('owner-1'))?.status).toBe('needs-login');
  });

  it('asks for the full sign-in list when the connection recorded no scopes', () => {
    expect(refreshScopes([])).toEqual(SIGN_IN_SCOPES);
  });
});
