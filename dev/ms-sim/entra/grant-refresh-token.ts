import type { SimContext } from '../sim-context';
import { isOidcScope, parseDelegatedScopes } from '../tokens/scopes';
import type { TokenResponseBody } from '../tokens/token-service';
import { APP_DISPLAY_NAME } from './app-registration';
import { EntraError, missingParameter } from './entra-error';

/**
 * `grant_type=refresh_token`. Unlike Entra, which lets an old refresh token live on, the simulator
 * rotates strictly: the token used is spent and only the new one works. That is the stricter
 * contract the app is written against (always store the newest refresh token).
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow#refresh-the-access-token
 * @see https://learn.microsoft.com/entra/identity-platform/refresh-tokens
 */
export function redeemRefreshToken(
  ctx: SimContext,
  form: URLSearchParams,
  clientId: string,
): TokenResponseBody {
  const token = form.get('refresh_token');
  if (!token) throw missingParameter('refresh_token');
  const record = ctx.tokens.findRefreshToken(token);
  const now = ctx.clock();
  if (!record) {
    throw new EntraError(
      400,
      'invalid_grant',
      9002313,
      'Invalid request. Request is malformed or invalid. The refresh token is not valid.',
    );
  }
  if (record.clientId !== clientId) {
    throw new EntraError(
      400,
      'invalid_grant',
      70000,
      'The provided refresh token was issued to another client.',
    );
  }
  if (record.revokedAt !== null) {
    throw new EntraError(
      400,
      'invalid_grant',
      50173,
      'The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.',
    );
  }
  if (record.redeemedAt !== null) {
    throw new EntraError(
      400,
      'invalid_grant',
      70000,
      'The provided refresh token was already redeemed. Use the newest refresh token.',
    );
  }
  if (record.expiresAt <= now) {
    throw new EntraError(
      400,
      'invalid_grant',
      700082,
      `The refresh token has expired due to inactivity. The token was issued on ${new Date(record.issuedAt).toISOString()}.`,
    );
  }
  const person = ctx.directory.personByOid(record.oid);
  if (!person)
    throw new EntraError(400, 'invalid_grant', 50034, 'The user account does not exist in the directory.');

  const scopes = requestedScopes(form.get('scope'), record.scopes, clientId);
  record.redeemedAt = now;
  ctx.state.changed();
  return ctx.tokens.issueForUser(person, clientId, scopes, null, record.scopes);
}

/** A refresh may narrow the grant but never widen it without a new interactive consent. */
function requestedScopes(raw: string | null, granted: string[], clientId: string): string[] {
  if (!raw) return granted;
  const parsed = parseDelegatedScopes(raw);
  if (!parsed.ok) {
    throw new EntraError(
      400,
      'invalid_scope',
      70011,
      `The provided value for the input parameter 'scope' isn't valid. The scope ${parsed.invalid} isn't valid.`,
    );
  }
  const missing = parsed.graph.filter((s) => !granted.includes(s));
  if (missing.length > 0) {
    throw new EntraError(
      400,
      'invalid_grant',
      65001,
      `The user or administrator has not consented to use the application with ID '${clientId}' named '${APP_DISPLAY_NAME}' for ${missing.join(', ')}. Send an interactive authorization request for this user and resource.`,
    );
  }
  const graph = parsed.graph.length > 0 ? parsed.graph : granted.filter((s) => !isOidcScope(s));
  return [...granted.filter(isOidcScope), ...graph];
}
