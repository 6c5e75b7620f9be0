import { TENANT } from '../../seed';
import type { StateStore } from '../state/state-store';
import { parseDelegatedScopes } from '../tokens/scopes';
import { isRegisteredClient, isRegisteredRedirect } from './app-registration';
import { EntraError, missingParameter } from './entra-error';

/** A checked authorization request. `scopes` holds OIDC scopes and canonical Graph permission names. */
export interface AuthorizeParams {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  graphScopes: string[];
  state: string | undefined;
  codeChallenge: string;
  nonce: string | null;
}

/**
 * `page`: shown to the user, never sent to the redirect URI (it is unknown or not trusted).
 * `redirect`: sent back to the registered redirect URI as `error` and `error_description`.
 */
export type AuthorizeCheck =
  | { kind: 'ok'; params: AuthorizeParams }
  | { kind: 'page'; error: EntraError }
  | { kind: 'redirect'; redirectUri: string; state: string | undefined; error: EntraError };

/** RFC 7636 §4.2: an S256 challenge is the base64url SHA-256 of the verifier, 43 characters. */
const S256_CHALLENGE = /^[A-Za-z0-9_-]{43}$/;

/**
 * Checks `GET /{tenant}/oauth2/v2.0/authorize` in the order Entra does: the client and the
 * redirect URI first (failures there must not redirect), then the rest (failures redirect).
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#request-an-authorization-code
 */
export function checkAuthorizeRequest(query: URLSearchParams, state: StateStore): AuthorizeCheck {
  const clientId = query.get('client_id');
  if (!clientId) return { kind: 'page', error: missingParameter('client_id') };
  if (!isRegisteredClient(clientId)) {
    return {
      kind: 'page',
      error: new EntraError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${TENANT.name}'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.`,
      ),
    };
  }
  const redirectUri = query.get('redirect_uri');
  if (!redirectUri)
    return {
      kind: 'page',
      error: new EntraError(400, 'invalid_request', 900971, 'No reply address provided.'),
    };
  if (!isRegisteredRedirect(state, redirectUri)) {
    return {
      kind: 'page',
      error: new EntraError(
        400,
        'invalid_request',
        50011,
        `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'. Make sure the redirect URI sent in the request matches one added to your application in the Azure portal.`,
      ),
    };
  }
  const responseMode = query.get('response_mode') ?? 'query';
  if (responseMode !== 'query') {
    return {
      kind: 'page',
      error: new EntraError(
        400,
        'invalid_request',
        9002313,
        `Invalid request. The simulator answers with response_mode 'query' only, not '${responseMode}'.`,
      ),
    };
  }
  const stateParam = query.get('state') ?? undefined;
  const fail = (error: EntraError): AuthorizeCheck => ({
    kind: 'redirect',
    redirectUri,
    state: stateParam,
    error,
  });

  const responseType = query.get('response_type');
  if (!responseType) return fail(missingParameter('response_type'));
  if (responseType !== 'code') {
    return fail(
      new EntraError(
        400,
        'unsupported_response_type',
        700054,
        `response_type '${responseType}' is not enabled for the application.`,
      ),
    );
  }
  const rawScope = query.get('scope');
  if (!rawScope) return fail(missingParameter('scope'));
  const parsed = parseDelegatedScopes(rawScope);
  if (!parsed.ok) {
    return fail(
      new EntraError(
        400,
        'invalid_scope',
        70011,
        `The provided value for the input parameter 'scope' isn't valid. The scope ${parsed.invalid} isn't valid.`,
      ),
    );
  }
  if (!parsed.oidc.includes('openid')) {
    return fail(
      new EntraError(
        400,
        'invalid_scope',
        70011,
        "The provided value for the input parameter 'scope' isn't valid. The scope must include 'openid'.",
      ),
    );
  }
  const codeChallenge = query.get('code_challenge');
  if (!codeChallenge) {
    return fail(
      new EntraError(
        400,
        'invalid_request',
        9002325,
        'Proof Key for Code Exchange is required for cross-origin authorization code redemption.',
      ),
    );
  }
  const method = query.get('code_challenge_method');
  if (method !== 'S256') {
    return fail(
      new EntraError(
        400,
        'invalid_request',
        9002313,
        `Invalid request. code_challenge_method must be 'S256', not '${method ?? ''}'.`,
      ),
    );
  }
  if (!S256_CHALLENGE.test(codeChallenge)) {
    return fail(new EntraError(400, 'invalid_request', 501491, 'Invalid size of Code_Challenge parameter.'));
  }
  // Entra mints a Graph token with User.Read when only OpenID Connect scopes are asked for.
  const graphScopes = parsed.graph.length > 0 ? parsed.graph : ['User.Read'];
  return {
    kind: 'ok',
    params: {
      clientId,
      redirectUri,
      scopes: [...parsed.oidc, ...graphScopes],
      graphScopes,
      state: stateParam,
      codeChallenge,
      nonce: query.get('nonce'),
    },
  };
}
