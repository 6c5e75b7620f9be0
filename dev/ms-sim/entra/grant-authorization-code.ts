import type { SimContext } from '../sim-context';
import { hashSecret } from '../tokens/hash-secret';
import type { TokenResponseBody } from '../tokens/token-service';
import { EntraError, missingParameter } from './entra-error';
import { verifierMatches } from './pkce';

/**
 * `grant_type=authorization_code`: the code is single use, short-lived, bound to the client and
 * the redirect URI it was issued for, and to the PKCE challenge.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#redeem-a-code-for-an-access-token
 * @see https://www.rfc-editor.org/rfc/rfc6749#section-4.1.3
 */
export function redeemAuthorizationCode(
  ctx: SimContext,
  form: URLSearchParams,
  clientId: string,
): TokenResponseBody {
  const code = form.get('code');
  if (!code) throw missingParameter('code');
  const redirectUri = form.get('redirect_uri');
  if (!redirectUri) throw missingParameter('redirect_uri');
  const record = ctx.state.data.codes[hashSecret(code)];
  const now = ctx.clock();
  if (!record) {
    throw new EntraError(
      400,
      'invalid_grant',
      9002313,
      'Invalid request. Request is malformed or invalid. The authorization code is not valid.',
    );
  }
  if (record.redeemed) {
    throw new EntraError(
      400,
      'invalid_grant',
      54005,
      'OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token.',
    );
  }
  if (record.expiresAt <= now) {
    throw new EntraError(
      400,
      'invalid_grant',
      70008,
      'The provided authorization code or refresh token has expired due to inactivity. Send a new interactive authorization request for this user and resource.',
    );
  }
  if (record.clientId !== clientId) {
    throw new EntraError(
      400,
      'invalid_grant',
      70000,
      'The provided authorization code was issued to another client.',
    );
  }
  if (record.redirectUri !== redirectUri) {
    throw new EntraError(
      400,
      'invalid_grant',
      500112,
      `The reply address '${redirectUri}' does not match the reply address '${record.redirectUri}' provided when requesting Authorization code.`,
    );
  }
  const verifier = form.get('code_verifier');
  if (!verifier) throw missingParameter('code_verifier');
  if (!verifierMatches(verifier, record.codeChallenge)) {
    throw new EntraError(
      400,
      'invalid_grant',
      501481,
      "The Code_Verifier doesn't match the code_challenge supplied in the authorization request.",
    );
  }
  const person = ctx.directory.personByOid(record.oid);
  if (!person)
    throw new EntraError(400, 'invalid_grant', 50034, 'The user account does not exist in the directory.');
  record.redeemed = true;
  ctx.state.changed();
  return ctx.tokens.issueForUser(person, clientId, record.scopes, record.nonce);
}
