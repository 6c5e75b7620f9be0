import type { FinishedSignIn } from '../../../contracts/connection';
import { AppError } from '../../../domain/app-error';
import type { Connection } from '../../../domain/connection';
import { microsoftIdentitySchema, readJwtClaims } from '../../../domain/jwt-claims';
import { SIGN_IN_SCOPES } from '../../../domain/microsoft-permissions';
import { isOAuthValue } from '../../../domain/oauth-values';
import type { TenantMapping } from '../../../domain/tenant-mapping';
import { requireSiteAdmin, type Caller } from '../../services/authority';
import { loadAppCredentials } from '../../services/app-credentials';
import { describeLinkedAccount } from './account-match';
import type { MicrosoftLoginDeps } from './start-sign-in';
import type { AppCredentials } from '../../ports/microsoft';
import { withMicrosoftFailures } from '../../services/microsoft-failures';
import type { OAuthCompletion } from '../../ports/stores';

const EXPIRED =
  'This Microsoft sign-in has expired or was already used, so nothing was connected. Select Log in to Microsoft Teams to try again.';

/**
 * Redeems what Microsoft's redirect left (oauth-redirect.ts), on the personal page, as the
 * Confluence user whose browser came back. Only the person who started the sign-in can: anyone
 * else is refused and nothing changes. The authorization code is exchanged only here, so a
 * completion that is refused, or never redeemed before it expires, never produces a token.
 */
export const finishSignIn = async (
  deps: MicrosoftLoginDeps,
  caller: Caller,
  code: string,
): Promise<FinishedSignIn> => {
  if (!isOAuthValue(code)) throw new AppError('invalid_input', EXPIRED);
  const completion = await deps.states.peekCompletion(code);
  if (!completion) throw new AppError('invalid_input', EXPIRED);
  if (completion.accountId !== caller.accountId) {
    throw new AppError(
      'forbidden',
      'This Microsoft sign-in was started by another Confluence user, so nothing was connected. To connect your own Microsoft account, select Log in to Microsoft Teams.',
    );
  }
  if (completion.kind === 'admin-consent') await requireSiteAdmin(deps.permissions, caller);
  // The one atomic step: two tabs redeeming the same completion cannot both go on.
  if (!(await deps.states.redeemCompletion(code))) throw new AppError('invalid_input', EXPIRED);
  if (completion.kind === 'admin-consent') {
    const { mapping, credentials } = await loadAppCredentials(deps.tenants);
    return bindTenant(deps, mapping, credentials, caller.accountId);
  }
  return connect(deps, caller, completion);
};

const connect = async (
  deps: MicrosoftLoginDeps,
  caller: Caller,
  completion: Extract<OAuthCompletion, { kind: 'login' }>,
): Promise<FinishedSignIn> => {
  const { mapping, credentials } = await loadAppCredentials(deps.tenants);
  const tokens = await withMicrosoftFailures('sign-in', async () =>
    deps.identity.redeemCode(credentials, {
      code: completion.code,
      redirectUri: await deps.urls.oauthRedirectUri(),
      codeVerifier: completion.codeVerifier,
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
  const { oid, tid, name, preferred_username: upn, email } = claims.data;
  const expectedTenant =
    mapping.consent.status === 'granted' ? mapping.consent.boundTenantId : mapping.tenantId;
  if (tid.toLowerCase() !== expectedTenant.toLowerCase()) {
    throw new AppError(
      'forbidden',
      'This Microsoft account belongs to another organization. Sign in with your work account.',
    );
  }
  // One Microsoft user ↔ one Confluence user per site: cards and bot messages name a person.
  const linked = await deps.connections.findByMicrosoftUser(tid, oid);
  if (linked.some((other) => other.accountId !== caller.accountId)) {
    throw new AppError(
      'conflict',
      `The Microsoft account ${upn || name} is already connected to another Confluence account on this site. Nothing was changed: that person must disconnect it first (Apps → Microsoft Teams → Disconnect).`,
    );
  }
  const now = deps.clock.now();
  await deps.tokens.put(caller.accountId, {
    refreshToken: tokens.refreshToken,
    accessToken: tokens.accessToken,
    accessTokenExpiresAt: now.getTime() + tokens.expiresInSeconds * 1000,
  });
  const connection: Connection = {
    schemaVersion: 1,
    accountId: caller.accountId,
    oid,
    tenantId: tid,
    upn,
    displayName: name,
    status: 'ok',
    scopes: tokens.scope.split(' ').filter(Boolean),
    connectedAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await deps.connections.put(connection);
  // The login stands even if the queue refuses: the bot's next greeting confirms it instead.
  await deps.botWork
    .enqueue({
      kind: 'confirm-connection',
      accountId: caller.accountId,
      ...(caller.siteUrl ? { siteUrl: caller.siteUrl } : {}),
    })
    .catch(() => undefined);
  return describeLinkedAccount(deps.people, caller.accountId, { displayName: name, upn, email });
};

const bindTenant = async (
  deps: MicrosoftLoginDeps,
  mapping: TenantMapping,
  credentials: AppCredentials,
  accountId: string,
): Promise<FinishedSignIn> => {
  // An app-only token proves the client id and secret work and names the real tenant.
  const token = await withMicrosoftFailures('sign-in', () => deps.identity.clientCredentials(credentials));
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
