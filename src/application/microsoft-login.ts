import { AppError } from '../domain/app-error';
import { SIGN_IN_SCOPES } from '../domain/microsoft-permissions';
import { OAUTH_VALUE_BYTES } from '../domain/oauth-values';
import { pkceChallenge } from '../domain/pkce';
import type { TenantMapping } from '../domain/tenant-mapping';
import type { Caller } from './authority';
import type { ConfluenceGateway } from './ports/confluence';
import type { AppCredentials, MicrosoftIdentity } from './ports/microsoft';
import type { AppUrls, Clock, Random } from './ports/platform';
import type { ConnectionStore, OAuthStateStore, TenantStore, TokenVault } from './ports/stores';

/** An OAuth state lives as long as Microsoft's sign-in page may reasonably stay open. */
export const STATE_TTL_SECONDS = 600;

export interface MicrosoftLoginDeps {
  tenants: TenantStore;
  connections: ConnectionStore;
  tokens: TokenVault;
  states: OAuthStateStore;
  identity: MicrosoftIdentity;
  confluence: Pick<ConfluenceGateway, 'isSiteAdmin'>;
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

/**
 * Where Microsoft's redirect sends the browser to finish: this site's personal page, which only
 * the Confluence user who started can redeem the result on. Built from the platform's context,
 * never from the request.
 */
export const returnUrlFor = (urls: AppUrls, caller: Caller): string => {
  if (!caller.siteUrl) throw new Error('The Forge context has no siteUrl');
  return urls.personalPageUrl(caller.siteUrl);
};

/** "Log in to Microsoft Teams": a single-use state bound to the caller, and a PKCE verifier. */
export const startLogin = async (
  deps: Pick<MicrosoftLoginDeps, 'tenants' | 'states' | 'identity' | 'urls' | 'clock' | 'random'>,
  caller: Caller,
): Promise<{ url: string }> => {
  const { mapping } = await loadAppCredentials(deps.tenants);
  const state = deps.random.token(OAUTH_VALUE_BYTES);
  const codeVerifier = deps.random.token(48);
  await deps.states.create(
    state,
    {
      kind: 'login',
      accountId: caller.accountId,
      codeVerifier,
      returnUrl: returnUrlFor(deps.urls, caller),
      createdAt: deps.clock.now().toISOString(),
    },
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
