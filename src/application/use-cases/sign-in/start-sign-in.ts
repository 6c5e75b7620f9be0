import { AppError } from '../../../domain/app-error';
import { SIGN_IN_SCOPES } from '../../../domain/microsoft-permissions';
import { OAUTH_VALUE_BYTES } from '../../../domain/oauth-values';
import { pkceChallenge } from '../../../domain/pkce';
import { requireSiteAdmin, type Caller } from '../../services/authority';
import type { BotWorkQueue } from '../../ports/bot-messenger';
import type { ConfluencePeople, ConfluencePermissions } from '../../ports/confluence';
import { loadAppCredentials } from '../../services/app-credentials';
import type { MicrosoftIdentity } from '../../ports/microsoft';
import type { AppUrls, Clock, Random } from '../../ports/platform';
import type { ConnectionStore, OAuthStateStore, TenantStore, TokenVault } from '../../ports/stores';

/** An OAuth state lives as long as Microsoft's sign-in page may reasonably stay open. */
const STATE_TTL_SECONDS = 600;

export interface MicrosoftLoginDeps {
  tenants: TenantStore;
  connections: ConnectionStore;
  tokens: TokenVault;
  states: OAuthStateStore;
  identity: MicrosoftIdentity;
  permissions: Pick<ConfluencePermissions, 'isSiteAdmin'>;
  urls: AppUrls;
  clock: Clock;
  random: Random;
  /** The companion bot confirms a finished login in the person's 1:1 chat. */
  botWork: BotWorkQueue;
  /** The caller's Confluence e-mail, to say whether the Microsoft account linked looks like theirs. */
  people: Pick<ConfluencePeople, 'emailOf'>;
}

/**
 * Where Microsoft's redirect sends the browser to finish: this site's personal page, which only
 * the Confluence user who started can redeem the result on. Built from the platform's context,
 * never from the request.
 */
const returnUrlFor = (urls: AppUrls, caller: Caller): string => {
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

/**
 * Starts Microsoft's admin consent. Like a login, the redirect is redeemed on the personal page by
 * the admin who started it (finish-sign-in.ts), which binds the tenant from a token's `tid`.
 */
export const startAdminConsent = async (
  deps: Pick<
    MicrosoftLoginDeps,
    'tenants' | 'states' | 'identity' | 'permissions' | 'urls' | 'clock' | 'random'
  >,
  caller: Caller,
): Promise<{ url: string }> => {
  await requireSiteAdmin(deps.permissions, caller);
  const mapping = await deps.tenants.get();
  if (!mapping) throw new AppError('tenant_not_configured', 'Save the Microsoft connection first.');
  const state = deps.random.token(OAUTH_VALUE_BYTES);
  await deps.states.create(
    state,
    {
      kind: 'admin-consent',
      accountId: caller.accountId,
      returnUrl: returnUrlFor(deps.urls, caller),
      createdAt: deps.clock.now().toISOString(),
    },
    STATE_TTL_SECONDS,
  );
  const redirectUri = await deps.urls.oauthRedirectUri();
  return {
    url: deps.identity.adminConsentUrl({
      tenantId: mapping.tenantId,
      clientId: mapping.clientId,
      redirectUri,
      state,
      scopes: SIGN_IN_SCOPES,
    }),
  };
};
