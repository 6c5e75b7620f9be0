import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendJson } from '../http/respond';
import type { SimContext } from '../sim-context';
import type { TenantSegment } from './app-registration';
import { authenticateClient } from './client-auth';
import { EntraError, missingParameter, sendEntraError } from './entra-error';
import { redeemAuthorizationCode } from './grant-authorization-code';
import { issueClientCredentials } from './grant-client-credentials';
import { redeemRefreshToken } from './grant-refresh-token';

/**
 * `POST /{tenant}/oauth2/v2.0/token`, form-encoded. Answers the token JSON or Entra's error JSON.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow
 */
export function handleToken(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  tenant: TenantSegment,
  rawBody: string,
): void {
  const now = ctx.clock();
  try {
    const contentType = (req.headers['content-type'] ?? '').toLowerCase();
    // Entra only reads form bodies; anything else looks to it like a request without parameters.
    const form = contentType.startsWith('application/x-www-form-urlencoded')
      ? new URLSearchParams(rawBody)
      : new URLSearchParams();
    const grantType = form.get('grant_type');
    if (!grantType) throw missingParameter('grant_type');
    if (!['authorization_code', 'refresh_token', 'client_credentials'].includes(grantType)) {
      throw new EntraError(
        400,
        'unsupported_grant_type',
        70003,
        `The app requested an unsupported grant type '${grantType}'.`,
      );
    }
    const clientId = authenticateClient(form, req.headers, now);
    const body =
      grantType === 'authorization_code'
        ? redeemAuthorizationCode(ctx, form, clientId)
        : grantType === 'refresh_token'
          ? redeemRefreshToken(ctx, form, clientId)
          : issueClientCredentials(ctx, form, clientId, tenant);
    sendJson(res, 200, body, { Pragma: 'no-cache' });
  } catch (e) {
    if (!(e instanceof EntraError)) throw e;
    sendEntraError(res, e, now);
  }
}
