import type { ServerResponse } from 'node:http';
import { sendJson, sendText } from '../http/respond';
import type { ChannelSigningKeys } from './signing-keys';

/** The real origin; the metadata names it, and the app's egress routes bring it here. */
const ORIGIN = 'https://login.botframework.com';
export const CHANNEL_ISSUER = 'https://api.botframework.com';

/**
 * `https://login.botframework.com/v1/.well-known/openidconfiguration` and its `jwks_uri`, served
 * under `/botframework`. The metadata names the real host, as Microsoft's does.
 * @see https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication
 */
export function handleBotFrameworkLogin(
  keys: ChannelSigningKeys,
  res: ServerResponse,
  method: string,
  path: string,
): void {
  if (method !== 'GET') return sendText(res, 405, 'Only GET.');
  if (path === '/v1/.well-known/openidconfiguration')
    return sendJson(res, 200, {
      issuer: CHANNEL_ISSUER,
      authorization_endpoint: 'https://invalid.botframework.com',
      jwks_uri: `${ORIGIN}/v1/.well-known/keys`,
      id_token_signing_alg_values_supported: ['RS256'],
      token_endpoint_auth_methods_supported: ['private_key_jwt'],
    });
  if (path === '/v1/.well-known/keys') return sendJson(res, 200, { keys: keys.published() });
  return sendText(res, 404, `No Bot Framework route ${path}`);
}
