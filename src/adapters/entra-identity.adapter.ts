import { z } from 'zod';
import {
  MicrosoftRequestError,
  type AppCredentials,
  type MicrosoftIdentity,
  type TokenSet,
} from '../application/ports/microsoft';
import { isOpenIdScope } from '../domain/microsoft-permissions';
import { entraFailureKind, noAnswer } from './microsoft-failures';

/** Microsoft Entra ID v2.0; the Forge egress list names this origin. */
export const ENTRA_ORIGIN = 'https://login.microsoftonline.com';
const GRAPH_ORIGIN = 'https://graph.microsoft.com';
const GRAPH_DEFAULT_SCOPE = `${GRAPH_ORIGIN}/.default`;
/** @see https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication */
const APP_ONLY_SCOPE = {
  graph: GRAPH_DEFAULT_SCOPE,
  'bot-connector': 'https://api.botframework.com/.default',
} as const;

const tokenResponse = z.object({
  access_token: z.string(),
  refresh_token: z.string().optional(),
  id_token: z.string().optional(),
  expires_in: z.coerce.number(),
  scope: z.string().default(''),
});

const errorResponse = z.object({ error: z.string(), error_description: z.string().optional() }).partial();

/** Retry-After is seconds or an HTTP date (RFC 9110 §10.2.3). */
export const parseRetryAfter = (value: string | null): number | undefined => {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000));
};

/**
 * @see https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow
 * Error bodies carry `error` and an `error_description` starting with an AADSTS code; only
 * the code names go into our errors, never request parameters.
 */
const requestToken = async (tenantId: string, form: Record<string, string>): Promise<TokenSet> => {
  let response: Response;
  try {
    response = await fetch(`${ENTRA_ORIGIN}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form).toString(),
    });
  } catch {
    throw noAnswer('Could not reach Microsoft sign-in');
  }
  const body: unknown = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = errorResponse.safeParse(body);
    const code = (error.success && error.data.error) || `http_${response.status}`;
    const aadsts = (error.success && error.data.error_description?.match(/AADSTS\d+/)?.[0]) || '';
    throw new MicrosoftRequestError(
      entraFailureKind(response.status, code),
      response.status,
      code,
      `Microsoft sign-in refused the request: ${code}${aadsts ? ` (${aadsts})` : ''}`,
      parseRetryAfter(response.headers.get('retry-after')),
    );
  }
  const tokens = tokenResponse.parse(body);
  return {
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token ?? null,
    idToken: tokens.id_token ?? null,
    expiresInSeconds: tokens.expires_in,
    scope: tokens.scope,
  };
};

const credentialsForm = (app: AppCredentials) => ({
  client_id: app.clientId,
  client_secret: app.clientSecret,
});

export const entraIdentity: MicrosoftIdentity = {
  authorizeUrl: ({ tenantId, clientId, redirectUri, state, codeChallenge, scopes }) =>
    `${ENTRA_ORIGIN}/${encodeURIComponent(tenantId)}/oauth2/v2.0/authorize?${new URLSearchParams({
      client_id: clientId,
      response_type: 'code',
      redirect_uri: redirectUri,
      response_mode: 'query',
      scope: scopes.join(' '),
      state,
      code_challenge: codeChallenge,
      code_challenge_method: 'S256',
      prompt: 'select_account',
    }).toString()}`,

  // The scopes asked for by name (the v2 endpoint takes them in place of `.default`), so consent
  // covers what sign-in asks even when the registration lists more or fewer.
  // @see https://learn.microsoft.com/entra/identity-platform/v2-admin-consent
  adminConsentUrl: ({ tenantId, clientId, redirectUri, state, scopes }) =>
    `${ENTRA_ORIGIN}/${encodeURIComponent(tenantId)}/v2.0/adminconsent?${new URLSearchParams({
      client_id: clientId,
      scope: scopes.map((s) => (isOpenIdScope(s) ? s : `${GRAPH_ORIGIN}/${s}`)).join(' '),
      redirect_uri: redirectUri,
      state,
    }).toString()}`,

  redeemCode: (app, { code, redirectUri, codeVerifier, scopes }) =>
    requestToken(app.tenantId, {
      ...credentialsForm(app),
      grant_type: 'authorization_code',
      code,
      redirect_uri: redirectUri,
      code_verifier: codeVerifier,
      scope: scopes.join(' '),
    }),

  refresh: (app, { refreshToken, scopes }) =>
    requestToken(app.tenantId, {
      ...credentialsForm(app),
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      scope: scopes.join(' '),
    }),

  clientCredentials: (app, audience = 'graph') =>
    requestToken(app.tenantId, {
      ...credentialsForm(app),
      grant_type: 'client_credentials',
      scope: APP_ONLY_SCOPE[audience],
    }),
};
