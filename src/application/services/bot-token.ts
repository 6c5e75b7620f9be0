import { AppError } from '../../domain/app-error';
import type { BotRegistration, BotRegistrationStore } from '../ports/bot';
import type { BotTokenCache } from '../ports/bot-messenger';
import type { AppCredentials, MicrosoftIdentity } from '../ports/microsoft';
import type { Clock } from '../ports/platform';
import type { TenantStore } from '../ports/stores';
import { loadAppCredentials } from './app-credentials';

export interface BotTokenDeps {
  tenants: TenantStore;
  identity: MicrosoftIdentity;
  botTokens: BotTokenCache;
  botRegistrations: Pick<BotRegistrationStore, 'get' | 'getSecret'>;
  clock: Clock;
}

/** Fetch a new token this long before the cached one expires (Microsoft issues them for an hour). */
const EXPIRY_MARGIN_MS = 5 * 60 * 1000;

/** Which app the bot signs in as: its client id is known without reading any secret. */
const botApp = async (deps: BotTokenDeps) => {
  const [mapping, registration] = await Promise.all([deps.tenants.get(), deps.botRegistrations.get()]);
  // No mapping: loadAppCredentials says so, in the words every other path uses.
  if (!mapping) return { ...(await loadAppCredentials(deps.tenants)), registration };
  return { mapping, registration, clientId: registration?.botId ?? mapping.clientId };
};

/**
 * The bot's app: a bot the admin registered apart (Developer Portal) signs in with its own id and
 * secret; otherwise the tenant mapping's Entra app is the bot. Either way in the mapped tenant:
 * the bot is single-tenant (ARCHITECTURE.md D10). Secrets are read only here, when a token is due.
 */
const botCredentials = async (
  deps: BotTokenDeps,
  registration: BotRegistration | null,
): Promise<AppCredentials> => {
  const { credentials } = await loadAppCredentials(deps.tenants);
  if (!registration) return credentials;
  const botSecret = await deps.botRegistrations.getSecret();
  if (!botSecret) {
    throw new AppError(
      'tenant_not_configured',
      'The companion bot has no bot secret stored. A Confluence site admin must enter the bot secret under Teams app in the global settings.',
    );
  }
  return { tenantId: credentials.tenantId, clientId: registration.botId, clientSecret: botSecret };
};

/**
 * A Bot Connector token for the bot. Cached until shortly before it expires, and never reused for
 * another client id (an admin who changed the app or the bot gets a token for the new one at once).
 */
export const botAccessToken = async (
  deps: BotTokenDeps,
  options: { forceRefresh?: boolean } = {},
): Promise<string> => {
  const app = await botApp(deps);
  const clientId = 'clientId' in app ? app.clientId : app.credentials.clientId;
  const now = deps.clock.now().getTime();
  const cached = options.forceRefresh ? null : await deps.botTokens.get();
  if (cached && cached.clientId === clientId && cached.expiresAt - EXPIRY_MARGIN_MS > now) {
    return cached.accessToken;
  }
  const credentials = await botCredentials(deps, app.registration);
  const token = await deps.identity.clientCredentials(credentials, 'bot-connector');
  await deps.botTokens.put({
    accessToken: token.accessToken,
    expiresAt: now + token.expiresInSeconds * 1000,
    clientId: credentials.clientId,
  });
  return token.accessToken;
};
