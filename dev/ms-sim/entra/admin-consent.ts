import type { IncomingMessage, ServerResponse } from 'node:http';
import { TENANT } from '../../seed';
import { redirect, sendHtml, withQuery } from '../http/respond';
import type { SimContext } from '../sim-context';
import { GRAPH_RESOURCE, parseDelegatedScopes } from '../tokens/scopes';
import { accountPickerPage } from './account-picker-page';
import { adminConsentPage, notAnAdminPage } from './admin-consent-page';
import { APP_DISPLAY_NAME, isRegisteredClient, isRegisteredRedirect } from './app-registration';
import { EntraError, missingParameter } from './entra-error';
import { signInErrorPage } from './error-page';

/**
 * `GET /{tenant}/v2.0/adminconsent`: pick an account → (administrators only) Accept or Cancel →
 * back to the redirect URI with `admin_consent=True&tenant=…&scope=…&state=…` or `error=access_denied`.
 * @see https://learn.microsoft.com/entra/identity-platform/v2-admin-consent
 */
export function handleAdminConsent(
  ctx: SimContext,
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
  rawBody: string,
): void {
  const query = url.searchParams;
  const clientId = query.get('client_id');
  const redirectUri = query.get('redirect_uri');
  const pageError = (e: EntraError) => sendHtml(res, e.status, signInErrorPage(e));
  if (!clientId) return pageError(missingParameter('client_id'));
  if (!isRegisteredClient(clientId)) {
    return pageError(
      new EntraError(
        400,
        'unauthorized_client',
        700016,
        `Application with identifier '${clientId}' was not found in the directory '${TENANT.name}'.`,
      ),
    );
  }
  if (!redirectUri)
    return pageError(new EntraError(400, 'invalid_request', 900971, 'No reply address provided.'));
  if (!isRegisteredRedirect(ctx.state, redirectUri)) {
    return pageError(
      new EntraError(
        400,
        'invalid_request',
        50011,
        `The redirect URI '${redirectUri}' specified in the request does not match the redirect URIs configured for the application '${clientId}'.`,
      ),
    );
  }
  const state = query.get('state') ?? undefined;
  const back = (params: Record<string, string | undefined>) =>
    redirect(res, withQuery(redirectUri, { ...params, state }));
  const refuse = (e: EntraError) => back({ error: e.error, error_description: e.message });

  const rawScope = query.get('scope');
  if (!rawScope) return refuse(missingParameter('scope'));
  const parsed = parseDelegatedScopes(rawScope);
  if (!parsed.ok)
    return refuse(new EntraError(400, 'invalid_scope', 70011, `The scope ${parsed.invalid} isn't valid.`));
  const permissions = parsed.graph;
  const action = `${url.pathname}${url.search}`;

  if (req.method === 'GET') {
    return sendHtml(
      res,
      200,
      accountPickerPage({
        action,
        heading: 'Pick an account',
        intro: `An administrator of ${TENANT.name} grants ${APP_DISPLAY_NAME} these permissions for the whole organization.`,
        people: ctx.directory.people(),
        permissions,
      }),
    );
  }
  const form = new URLSearchParams(rawBody);
  if (form.has('cancel') || form.get('decision') === 'cancel') {
    return back({
      error: 'access_denied',
      error_description: 'AADSTS65004: The administrator declined to consent to access the app.',
    });
  }
  const person = ctx.directory.personByOid(form.get('account') ?? '');
  if (!person)
    return sendHtml(
      res,
      400,
      signInErrorPage(
        new EntraError(400, 'invalid_request', 50034, 'The user account does not exist in the directory.'),
      ),
    );
  if (!ctx.directory.isGlobalAdmin(person))
    return sendHtml(res, 403, notAnAdminPage(person, TENANT.name, action));
  if (form.get('decision') !== 'accept')
    return sendHtml(res, 200, adminConsentPage(action, person, APP_DISPLAY_NAME, permissions));

  ctx.state.data.consents[clientId.toLowerCase()] = {
    clientId: clientId.toLowerCase(),
    tenantId: TENANT.id,
    grantedByOid: person.oid,
    scopes: permissions,
    grantedAt: ctx.clock(),
  };
  ctx.state.changed();
  return back({
    admin_consent: 'True',
    tenant: TENANT.id,
    scope: permissions.map((p) => `${GRAPH_RESOURCE}/${p}`).join(' '),
  });
}
