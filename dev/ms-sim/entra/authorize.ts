import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { redirect, sendHtml, withQuery } from '../http/respond';
import type { SimContext } from '../sim-context';
import { hashSecret } from '../tokens/hash-secret';
import { permissionsNeedingAdminConsent } from '../tokens/scopes';
import { accountPickerPage } from './account-picker-page';
import { APP_DISPLAY_NAME } from './app-registration';
import { checkAuthorizeRequest, type AuthorizeParams } from './authorize-request';
import { EntraError } from './entra-error';
import { signInErrorPage } from './error-page';

/** Entra's authorization codes live about ten minutes. */
const CODE_TTL_MS = 10 * 60 * 1000;

/**
 * `GET /{tenant}/oauth2/v2.0/authorize` shows the account picker; the picker's form posts back to
 * the same URL with `account` (the chosen user's oid) or `cancel`.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow
 */
export function handleAuthorize(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  rawBody: string,
): void {
  const check = checkAuthorizeRequest(url.searchParams, ctx.state);
  if (check.kind === 'page') return sendHtml(res, check.error.status, signInErrorPage(check.error));
  if (check.kind === 'redirect') {
    return redirect(
      res,
      withQuery(check.redirectUri, {
        error: check.error.error,
        error_description: check.error.message,
        state: check.state,
      }),
    );
  }
  const params = check.params;
  const picker = (notice?: string) =>
    accountPickerPage({
      action: `${url.pathname}${url.search}`,
      heading: 'Pick an account',
      intro: `to continue to ${APP_DISPLAY_NAME}`,
      people: ctx.directory.people(),
      permissions: params.graphScopes,
      ...(notice ? { notice } : {}),
    });
  if (req.method === 'GET') return sendHtml(res, 200, picker());

  const form = new URLSearchParams(rawBody);
  if (form.has('cancel')) {
    return redirect(
      res,
      withQuery(params.redirectUri, {
        error: 'access_denied',
        error_description: 'AADSTS65004: User declined to consent to access the app.',
        state: params.state,
      }),
    );
  }
  const person = ctx.directory.personByOid(form.get('account') ?? '');
  if (!person)
    return sendHtml(res, 400, picker('That account is not in this tenant. Pick one of the accounts below.'));

  const needsAdmin = permissionsNeedingAdminConsent(params.graphScopes);
  const consent = ctx.state.data.consents[params.clientId.toLowerCase()];
  const covered = needsAdmin.every((p) => consent?.scopes.includes(p));
  if (needsAdmin.length > 0 && !covered && !ctx.directory.isGlobalAdmin(person)) {
    const error = new EntraError(
      403,
      'access_denied',
      90094,
      `The grant requires admin permission. ${APP_DISPLAY_NAME} needs permission to access resources in your organization that only an admin can grant (${needsAdmin.join(', ')}). Ask an admin to grant permission to this app before you can use it.`,
    );
    return sendHtml(res, 403, signInErrorPage(error, 'Need admin approval'));
  }
  return redirect(
    res,
    withQuery(params.redirectUri, { code: issueCode(ctx, params, person.oid), state: params.state }),
  );
}

function issueCode(ctx: SimContext, params: AuthorizeParams, oid: string): string {
  const code = `1.ms-sim.${randomBytes(32).toString('base64url')}`;
  const now = ctx.clock();
  for (const [hash, record] of Object.entries(ctx.state.data.codes)) {
    if (record.expiresAt < now) delete ctx.state.data.codes[hash];
  }
  ctx.state.data.codes[hashSecret(code)] = {
    clientId: params.clientId.toLowerCase(),
    redirectUri: params.redirectUri,
    oid,
    scopes: params.scopes,
    codeChallenge: params.codeChallenge,
    nonce: params.nonce,
    issuedAt: now,
    expiresAt: now + CODE_TTL_MS,
    redeemed: false,
  };
  ctx.state.changed();
  return code;
}
