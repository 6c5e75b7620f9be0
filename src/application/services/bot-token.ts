import type { BotTokenCache } from '../ports/bot-messenger';
import type { MicrosoftIdentity } from '../ports/microsoft';
import type { Clock } from '../ports/platform';
import type { TenantStore } from '../ports/stores';
import { loadAppCredentials } from './app-credentials';

export interface BotTokenDeps {
  tenants: TenantStore;
  identity: MicrosoftIdentity;
  botTokens: BotTokenCache;
  clock: Clock;
}

/** Fetch a new token this long before the cached one expires (Microsoft issues them for an hour). */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

/**
 * A Bot Connector token for the bot, which is the tenant mapping's Entra app (single-tenant, in
 * the customer's tenant). Cached until shortly before it expires, and never reused for another
 * client id (an admin who changed the app gets a token for the new one at once).
 */
export const botAccessToken = async (
  deps: BotTokenDeps,
  options: { forceRefresh?: boolean } = {},
): Promise<string> => {
  const { credentials } = await loadAppCredentials(deps.tenants);
  const now = deps.clock.now().getTime();
  const cached = options.forceRefresh ? null : await deps.botTokens.get();
  if (cached && cached.clientId === credentials.clientId && cached.expiresAt - EXPIRY_MARGIN_MS > now) {
    return cached.accessToken;
  }
  const token = await deps.identity.clientCredentials(credentials, 'bot-connector');
  await deps.botTokens.put({
    accessToken: token.accessToken,
    expiresAt: now + token.expiresInSeconds * 1000,
    clientId: credentials.clientId,
  });
  return token.accessToken;
};
