import type { IncomingHttpHeaders } from 'node:http';
import { TENANT } from '../../seed';
import { isRegisteredClient, secretExpired, secretMatches } from './app-registration';
import { EntraError, missingParameter } from './entra-error';

/**
 * Authenticates a confidential client at the token endpoint: `client_id` + `client_secret` in the
 * form, or HTTP Basic (RFC 6749 §2.3.1). Returns the client id in lower case.
 */
export function authenticateClient(form: URLSearchParams, headers: IncomingHttpHeaders, now: number): string {
  const basic = parseBasic(headers.authorization);
  const clientId = basic?.id ?? form.get('client_id');
  const secret = basic?.secret ?? form.get('client_secret');
  if (!clientId) throw missingParameter('client_id');
  if (!isRegisteredClient(clientId)) {
    throw new EntraError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory '${TENANT.name}'. You may have sent your authentication request to the wrong tenant.`,
    );
  }
  if (!secret) {
    throw new EntraError(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  }
  if (!secretMatches(secret)) {
    throw new EntraError(
      401,
      'invalid_client',
      7000215,
      `Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '${clientId}'.`,
    );
  }
  if (secretExpired(now)) {
    throw new EntraError(
      401,
      'invalid_client',
      7000222,
      `The provided client secret keys for app '${clientId}' are expired.`,
    );
  }
  return clientId.toLowerCase();
}

function parseBasic(header: string | undefined): { id: string; secret: string } | null {
  if (!header?.toLowerCase().startsWith('basic ')) return null;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  // RFC 6749 §2.3.1: both parts are form-urlencoded before being joined.
  return {
    id: decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' ')),
    secret: decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' ')),
  };
}
