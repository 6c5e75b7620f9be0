import { AppError } from '../../domain/app-error';
import type { Connection } from '../../domain/connection';
import { SIGN_IN_SCOPES } from '../../domain/microsoft-permissions';
import { loadAppCredentials } from './app-credentials';
import { isMicrosoftFailure, type MicrosoftIdentity } from '../ports/microsoft';
import type { BotWorkQueue } from '../ports/bot-messenger';
import type { Clock } from '../ports/platform';
import type { ConnectionStore, TenantStore, TokenVault } from '../ports/stores';

export interface AccessTokenDeps {
  tenants: TenantStore;
  connections: ConnectionStore;
  tokens: TokenVault;
  identity: MicrosoftIdentity;
  clock: Clock;
  /**
   * Where "log in again" is queued when a refresh is refused (the bot tells the person once, in
   * their 1:1 chat). The app always wires it; a test that leaves it out sends no notice.
   */
  botWork?: Pick<BotWorkQueue, 'enqueue'>;
}

/**
 * A refresh asks for what the person was granted at sign-in, not for today's full list: a
 * permission added in a later version of the app (and not yet consented) would otherwise make
 * Entra refuse the refresh (AADSTS65001, `invalid_grant`) and pause every rule they own.
 */
export const refreshScopes = (granted: readonly string[]): readonly string[] =>
  granted.length === 0 ? SIGN_IN_SCOPES : [...new Set(['openid', 'profile', 'offline_access', ...granted])];

/** Refresh a little before expiry so a token never dies mid-request. */
const EXPIRY_MARGIN_MS = 2 * 60 * 1000;

interface TokenOptions {
  /** Graph refused the stored access token: refresh even though it has not expired. */
  forceRefresh?: boolean;
  /** The connection the caller has just read (null: none), so it is not read again. */
  connection?: Connection | null;
}

/**
 * A valid Graph access token for `accountId`. Refreshes when needed (or when Graph refused the
 * stored one: `forceRefresh`) and stores the rotated refresh token at once; a refused refresh
 * token marks the connection `needs-login`.
 */
export const accessTokenFor = async (
  deps: AccessTokenDeps,
  accountId: string,
  options: TokenOptions = {},
): Promise<string> => {
  const connection =
    options.connection === undefined ? await deps.connections.get(accountId) : options.connection;
  if (!connection) throw new AppError('not_connected', 'Log in to Microsoft Teams first.');
  if (connection.status === 'needs-login') {
    throw new AppError('needs_login', 'Your Microsoft sign-in expired. Log in to Microsoft Teams again.');
  }
  const now = deps.clock.now().getTime();
  // The access token's copy (read with a delivery's other records) spares the secret's read
  // until a refresh is due; the secret is what a refresh needs.
  const copy = options.forceRefresh ? null : await deps.tokens.getAccess(accountId);
  if (copy && copy.accessTokenExpiresAt - EXPIRY_MARGIN_MS > now) return copy.accessToken;
  const stored = await deps.tokens.get(accountId);
  if (!stored) throw new AppError('not_connected', 'Log in to Microsoft Teams first.');
  if (!options.forceRefresh && stored.accessTokenExpiresAt - EXPIRY_MARGIN_MS > now)
    return stored.accessToken;

  const { credentials } = await loadAppCredentials(deps.tenants);
  try {
    const fresh = await deps.identity.refresh(credentials, {
      refreshToken: stored.refreshToken,
      scopes: refreshScopes(connection.scopes),
    });
    await deps.tokens.put(accountId, {
      accessToken: fresh.accessToken,
      refreshToken: fresh.refreshToken ?? stored.refreshToken,
      accessTokenExpiresAt: now + fresh.expiresInSeconds * 1000,
    });
    return fresh.accessToken;
  } catch (error) {
    if (!isMicrosoftFailure(error, 'grant-rejected')) throw error;
    // Another invocation may have rotated the token a moment ago: use what it stored.
    const latest = await deps.tokens.get(accountId);
    if (
      latest &&
      latest.refreshToken !== stored.refreshToken &&
      latest.accessTokenExpiresAt - EXPIRY_MARGIN_MS > now
    ) {
      return latest.accessToken;
    }
    await deps.connections.put({
      ...connection,
      status: 'needs-login',
      updatedAt: deps.clock.now().toISOString(),
    });
    // What the dead refresh token gave goes with it: a later login writes a new copy.
    await deps.tokens.forgetAccess(accountId);
    // Best effort: the personal page says it too, and the paused rules say why.
    await deps.botWork?.enqueue({ kind: 'needs-login', accountId }).catch(() => undefined);
    throw new AppError('needs_login', 'Your Microsoft sign-in expired. Log in to Microsoft Teams again.');
  }
};
