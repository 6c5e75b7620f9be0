import { AppError } from '../domain/app-error';
import type { Connection } from '../domain/connection';
import { microsoftIdentitySchema, readJwtClaims } from '../domain/jwt-claims';
import { SIGN_IN_SCOPES } from '../domain/microsoft-permissions';
import { pkceChallenge } from '../domain/pkce';
import type { TenantMapping } from '../domain/tenant-mapping';
import type { Caller } from './authority';
import type { AppCredentials, MicrosoftIdentity } from './ports/microsoft';
import { MicrosoftRequestError } from './ports/microsoft';
import type { AppUrls, Clock, Random } from './ports/platform';
import type { ConnectionStore, OAuthStateStore, TenantStore, TokenVault } from './ports/stores';
import { STATE_TTL_SECONDS } from './tenant-settings';

export interface MicrosoftLoginDeps {
  tenants: TenantStore;
  connections: ConnectionStore;
  tokens: TokenVault;
  states: OAuthStateStore;
  identity: MicrosoftIdentity;
  urls: AppUrls;
  clock: Clock;
  random: Random;
}

/** The stored mapping plus its secret, or a clear error for whoever must act next. */
export const loadAppCredentials = async (
  tenants: TenantStore,
): Promise<{ mapping: TenantMapping; credentials: AppCredentials }> => {
  const [mapping, clientSecret] = await Promise.all([tenants.get(), tenants.getClientSecret()]);
  if (!mapping || !clientSecret) {
    throw new AppError(
      'tenant_not_configured',
      'Microsoft Teams is not connected to this site yet. A Confluence site admin must connect Microsoft first.',
    );
  }
  return { mapping, credentials: { tenantId: mapping.tenantId, clientId: mapping.clientId, clientSecret } };
};

/** "Log in to Microsoft Teams": a single-use state bound to the caller, and a PKCE verifier. */
export const startLogin = async (deps: MicrosoftLoginDeps, caller: Caller): Promise<{ url: string }> => {
  const { mapping } = await loadAppCredentials(deps.tenants);
  const state = deps.random.token(32);
  const codeVerifier = deps.random.token(48);
  await deps.states.create(
    state,
    { kind: 'login', accountId: caller.accountId, codeVerifier, createdAt: deps.clock.now().toISOString() },
    STATE_TTL_SECONDS,
  );
  const url = deps.identity.authorizeUrl({
    tenantId: mapping.tenantId,
    clientId: mapping.clientId,
    redirectUri: await deps.urls.oauthRedirectUri(),
    state,
    codeChallenge: pkceChallenge(codeVerifier),
    scopes: SIGN_IN_SCOPES,
  });
  return { url };
};

export interface OAuthCallbackQuery {
  state?: string;
  code?: string;
  error?: string;
  errorDescription?: string;
  adminConsent?: string;
}

export type OAuthCallbackOutcome =
  { kind: 'connected'; displayName: string; upn: string } | { kind: 'consented'; tenantId: string };

/**
 * The OAuth redirect. Nothing is stored unless the state is known, unused and unexpired, and
 * Microsoft's answer checks out; the tenant is read from a token, never from the query string.
 */
export const completeOAuthCallback = async (
  deps: MicrosoftLoginDeps,
  query: OAuthCallbackQuery,
): Promise<OAuthCallbackOutcome> => {
  if (!query.state)
    throw new AppError('invalid_input', 'The sign-in answer has no state. Start again from Confluence.');
  const record = await deps.states.consume(query.state);
  if (!record) {
    throw new AppError(
      'invalid_input',
      'This sign-in link has expired or was already used. Start again from Confluence.',
    );
  }
  if (query.error) {
    throw new AppError(
      'microsoft_error',
      `Microsoft did not complete the sign-in: ${query.errorDescription || query.error}`,
    );
  }
  const { mapping, credentials } = await loadAppCredentials(deps.tenants);
  const redirectUri = await deps.urls.oauthRedirectUri();
  if (record.kind === 'admin-consent') {
    if (query.adminConsent?.toLowerCase() !== 'true') {
      throw new AppError('microsoft_error', 'Microsoft did not report admin consent. Try again.');
    }
    return bindTenant(deps, mapping, credentials, record.accountId);
  }
  if (!query.code)
    throw new AppError('invalid_input', 'Microsoft sent no authorization code. Start again from Confluence.');
  const tokens = await exchange(() =>
    deps.identity.redeemCode(credentials, {
      code: query.code as string,
      redirectUri,
      codeVerifier: record.codeVerifier,
      scopes: SIGN_IN_SCOPES,
    }),
  );
  const claims = microsoftIdentitySchema.safeParse(tokens.idToken ? readJwtClaims(tokens.idToken) : null);
  if (!claims.success || !tokens.refreshToken) {
    throw new AppError(
      'microsoft_error',
      'Microsoft did not return an identity and a refresh token. Check the app registration.',
    );
  }
  const expectedTenant =
    mapping.consent.status === 'granted' ? mapping.consent.boundTenantId : mapping.tenantId;
  if (claims.data.tid.toLowerCase() !== expectedTenant.toLowerCase()) {
    throw new AppError(
      'forbidden',
      'This Microsoft account belongs to another organization. Sign in with your work account.',
    );
  }
  const now = deps.clock.now();
  await deps.tokens.put(record.accountId, {
    refreshToken: tokens.refreshToken,
    accessToken: tokens.accessToken,
    accessTokenExpiresAt: now.getTime() + tokens.expiresInSeconds * 1000,
  });
  const connection: Connection = {
    schemaVersion: 1,
    accountId: record.accountId,
    oid: claims.data.oid,
    tenantId: claims.data.tid,
    upn: claims.data.preferred_username,
    displayName: claims.data.name,
    status: 'ok',
    scopes: tokens.scope.split(' ').filter(Boolean),
    connectedAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await deps.connections.put(connection);
  return { kind: 'connected', displayName: connection.displayName, upn: connection.upn };
};

const bindTenant = async (
  deps: MicrosoftLoginDeps,
  mapping: TenantMapping,
  credentials: AppCredentials,
  accountId: string,
): Promise<OAuthCallbackOutcome> => {
  // An app-only token proves the client id and secret work and names the real tenant.
  const token = await exchange(() => deps.identity.clientCredentials(credentials));
  const tid = readJwtClaims(token.accessToken)?.['tid'];
  if (typeof tid !== 'string' || tid.toLowerCase() !== mapping.tenantId.toLowerCase()) {
    throw new AppError(
      'forbidden',
      'Consent was granted in another Microsoft tenant than the one configured.',
    );
  }
  await deps.tenants.put({
    ...mapping,
    consent: {
      status: 'granted',
      grantedAt: deps.clock.now().toISOString(),
      grantedBy: accountId,
      boundTenantId: tid,
    },
  });
  return { kind: 'consented', tenantId: tid };
};

const exchange = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    if (error instanceof MicrosoftRequestError) {
      throw new AppError(
        'microsoft_error',
        `Microsoft refused the sign-in (${error.code}). Start again from Confluence.`,
      );
    }
    throw error;
  }
};
