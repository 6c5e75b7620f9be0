import type { IncomingMessage, ServerResponse } from 'node:http';
import { sendHtml, sendText } from '../http/respond';
import type { SimContext } from '../sim-context';
import { handleAdminConsent } from './admin-consent';
import { resolveTenant } from './app-registration';
import { handleAuthorize } from './authorize';
import { EntraError, sendEntraError } from './entra-error';
import { signInErrorPage } from './error-page';
import { handleToken } from './token-endpoint';

/**
 * Everything after `https://login.microsoftonline.com`, served under `/login`:
 * `/{tenant}/oauth2/v2.0/authorize`, `/{tenant}/oauth2/v2.0/token`, `/{tenant}/v2.0/adminconsent`.
 */
export function handleEntra(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  path: string,
  rawBody: string,
): void {
  const match = /^\/([^/]+)\/(oauth2\/v2\.0\/authorize|oauth2\/v2\.0\/token|v2\.0\/adminconsent)\/?$/.exec(
    path,
  );
  if (!match) return sendText(res, 404, `The simulated Microsoft sign-in has no endpoint ${path}.`);
  const [, tenantSegment = '', endpoint] = match;
  const method = req.method ?? 'GET';
  const tenant = resolveTenant(decodeURIComponent(tenantSegment));
  const isToken = endpoint === 'oauth2/v2.0/token';

  if (!tenant) {
    const e = new EntraError(
      400,
      'invalid_request',
      90002,
      `Tenant '${decodeURIComponent(tenantSegment)}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.`,
    );
    return isToken ? sendEntraError(res, e, ctx.clock()) : sendHtml(res, 400, signInErrorPage(e));
  }
  if (isToken) {
    if (method !== 'POST') return sendText(res, 405, 'The token endpoint accepts POST only.');
    return handleToken(ctx, req, res, tenant, rawBody);
  }
  if (method !== 'GET' && method !== 'POST')
    return sendText(res, 405, 'Use GET (or POST from the page itself).');
  if (endpoint === 'oauth2/v2.0/authorize') return handleAuthorize(ctx, req, res, url, rawBody);
  return handleAdminConsent(ctx, req, res, url, rawBody);
}
