import { ENTRA_APP, MICROSOFT_ORIGINS, TENANT, person, type SeedPerson } from '../../../dev/seed';
import type { TokenSet } from '../../../src/application/ports/microsoft';
import { SIGN_IN_SCOPES } from '../../../src/domain/microsoft-permissions';
import { pkceChallenge } from '../../../src/domain/pkce';
import type { AdapterHarness } from './adapter-harness';

export const INTEGRATION_REDIRECT = 'http://127.0.0.1:9/integration-callback';
export const INTEGRATION_APP = {
  tenantId: TENANT.id,
  clientId: ENTRA_APP.clientId,
  clientSecret: ENTRA_APP.clientSecret,
};
const VERIFIER = 'integration-verifier-0123456789-abcdefghijklmnopqrstuvwxyz';

/** Opens a Microsoft page the adapter built and submits its form as `who`; returns the redirect. */
const submitAs = async (
  h: AdapterHarness,
  url: string,
  who: SeedPerson,
  form: Record<string, string> = {},
) => {
  const local = url.replace(MICROSOFT_ORIGINS.login, h.microsoft.routes.login);
  const html = await (await fetch(local)).text();
  const action = (/action="([^"]*)"/.exec(html)?.[1] ?? '').replace(/&amp;/g, '&');
  const answer = await fetch(new URL(action, local), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ account: who.oid, ...form }).toString(),
  });
  const location = answer.headers.get('location');
  if (answer.status !== 302 || !location) throw new Error(`Microsoft answered ${answer.status}`);
  return new URL(location);
};

/** Ada grants admin consent for the tenant, as the tenant mapping does. */
export const grantAdminConsent = async (h: AdapterHarness): Promise<void> => {
  h.microsoft.registerRedirectUri(INTEGRATION_REDIRECT);
  const consentUrl = await h.value<string>('identity', 'adminConsentUrl', {
    tenantId: TENANT.id,
    clientId: ENTRA_APP.clientId,
    redirectUri: INTEGRATION_REDIRECT,
    state: 'consent',
    scopes: SIGN_IN_SCOPES,
  });
  await submitAs(h, consentUrl, person('ada'), { decision: 'accept' });
};

/** `key` signs in with the app's scopes (PKCE); the adapter redeems the code. */
export const signIn = async (h: AdapterHarness, key: SeedPerson['key']): Promise<TokenSet> => {
  h.microsoft.registerRedirectUri(INTEGRATION_REDIRECT);
  const authorizeUrl = await h.value<string>('identity', 'authorizeUrl', {
    tenantId: TENANT.id,
    clientId: ENTRA_APP.clientId,
    redirectUri: INTEGRATION_REDIRECT,
    state: 's',
    codeChallenge: pkceChallenge(VERIFIER),
    scopes: SIGN_IN_SCOPES,
  });
  const code = (await submitAs(h, authorizeUrl, person(key))).searchParams.get('code');
  return h.value<TokenSet>('identity', 'redeemCode', INTEGRATION_APP, {
    code,
    redirectUri: INTEGRATION_REDIRECT,
    codeVerifier: VERIFIER,
    scopes: SIGN_IN_SCOPES,
  });
};

/** Ada grants admin consent and `key` signs in with the app's scopes; the adapter redeems the code. */
export const consentAndSignIn = async (h: AdapterHarness, key: SeedPerson['key']): Promise<TokenSet> => {
  await grantAdminConsent(h);
  return signIn(h, key);
};
