import { getAppContext, webTrigger } from '@forge/api';
import { randomBytes, randomUUID } from 'node:crypto';
import type { AppUrls, Clock, Random } from '../application/ports/platform';

const OAUTH_CALLBACK_TRIGGER_KEY = 'oauth-callback';
const BOT_MESSAGES_TRIGGER_KEY = 'bot-messages';
/** The `route` of the `confluence:globalPage` module in manifest.yml. */
const PERSONAL_PAGE_ROUTE = 'microsoft-teams';

export const systemClock: Clock = { now: () => new Date() };

export const cryptoRandom: Random = {
  token: (bytes) => randomBytes(bytes).toString('base64url'),
  uuid: () => randomUUID(),
};

/**
 * Web trigger URLs are stable per installation: one is the redirect URI to register in Entra, the
 * other the bot's messaging endpoint to register with the Bot Framework.
 */
export const forgeAppUrls: AppUrls = {
  oauthRedirectUri: () => webTrigger.getUrl(OAUTH_CALLBACK_TRIGGER_KEY),
  botMessagingEndpoint: () => webTrigger.getUrl(BOT_MESSAGES_TRIGGER_KEY),
  // Confluence serves a global page at /wiki/apps/:appId/:forgeEnvId/:route (confluence:globalPage docs).
  personalPageUrl: (siteUrl) => {
    const { appAri, environmentAri } = getAppContext();
    return `${siteUrl.replace(/\/+$/, '')}/wiki/apps/${appAri.appId}/${environmentAri.environmentId}/${PERSONAL_PAGE_ROUTE}`;
  },
};
