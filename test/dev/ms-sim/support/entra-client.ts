import { createHash, randomBytes } from 'node:crypto';
import type { MicrosoftSimulator } from '../../../../dev/ms-sim';
import { ENTRA_APP, TENANT, person, type SeedPerson } from '../../../../dev/seed';

/** The redirect URI the tests register on the seeded app registration. */
export const REDIRECT_URI = 'https://app.example.test/oauth/callback';

/** Every delegated permission the app uses, plus OpenID Connect and offline access. */
export const APP_SCOPES =
  'openid profile offline_access User.Read Team.ReadBasic.All Channel.ReadBasic.All Chat.ReadBasic ChannelMessage.Send ChatMessage.Send';

export interface Pkce {
  verifier: string;
  challenge: string;
}

export function pkcePair(): Pkce {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
}

/** An authorize URL with sensible defaults; `overrides` set or (with null) remove parameters. */
export function authorizeUrl(
  sim: MicrosoftSimulator,
  challenge: string,
  overrides: Record<string, string | null> = {},
): string {
  const params: Record<string, string | null> = {
    client_id: ENTRA_APP.clientId,
    response_type: 'code',
    redirect_uri: REDIRECT_URI,
    response_mode: 'query',
    scope: APP_SCOPES,
    state: 'state-123',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    ...overrides,
  };
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== null) query.set(k, v);
  return `${sim.routes.login}/${TENANT.id}/oauth2/v2.0/authorize?${query.toString()}`;
}

/** Posts the login page's form as a browser would after a click on a button. */
export function submitForm(url: string, fields: Record<string, string>): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
}

/** Signs in through the account picker and returns the redirect's query. */
export async function signIn(sim: MicrosoftSimulator, key: SeedPerson['key'], scope = APP_SCOPES) {
  const pkce = pkcePair();
  const url = authorizeUrl(sim, pkce.challenge, { scope });
  const answer = await submitForm(url, { account: person(key).oid });
  if (answer.status !== 302) throw new Error(`sign-in answered ${answer.status}: ${await answer.text()}`);
  const location = new URL(answer.headers.get('location') ?? '');
  return { pkce, code: location.searchParams.get('code') ?? '', location };
}

export function tokenRequest(
  sim: MicrosoftSimulator,
  fields: Record<string, string>,
  tenant: string = TENANT.id,
): Promise<Response> {
  return fetch(`${sim.routes.login}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
  });
}

export function redeemCode(
  sim: MicrosoftSimulator,
  code: string,
  verifier: string,
  extra: Record<string, string> = {},
) {
  return tokenRequest(sim, {
    grant_type: 'authorization_code',
    client_id: ENTRA_APP.clientId,
    client_secret: ENTRA_APP.clientSecret,
    code,
    redirect_uri: REDIRECT_URI,
    code_verifier: verifier,
    ...extra,
  });
}

export function refresh(sim: MicrosoftSimulator, refreshToken: string, extra: Record<string, string> = {}) {
  return tokenRequest(sim, {
    grant_type: 'refresh_token',
    client_id: ENTRA_APP.clientId,
    client_secret: ENTRA_APP.clientSecret,
    refresh_token: refreshToken,
    ...extra,
  });
}

/** The token endpoint's success body. */
export interface Tokens {
  access_token: string;
  refresh_token: string;
  id_token: string;
  scope: string;
  expires_in: number;
}

/** Full login (page → code → tokens) for a seed person. */
export async function loginAs(
  sim: MicrosoftSimulator,
  key: SeedPerson['key'],
  scope = APP_SCOPES,
): Promise<Tokens> {
  const { pkce, code } = await signIn(sim, key, scope);
  const answer = await redeemCode(sim, code, pkce.verifier);
  if (answer.status !== 200)
    throw new Error(`token endpoint answered ${answer.status}: ${await answer.text()}`);
  return (await answer.json()) as Tokens;
}

export const claimsOf = (jwt: string): Record<string, unknown> =>
  JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;

/** Ada (the Global Administrator) grants tenant-wide consent through the admin consent page. */
export async function grantAdminConsent(sim: MicrosoftSimulator, scope: string): Promise<void> {
  const query = new URLSearchParams({
    client_id: ENTRA_APP.clientId,
    scope,
    redirect_uri: REDIRECT_URI,
    state: 'consent',
  });
  const answer = await submitForm(`${sim.routes.login}/${TENANT.id}/v2.0/adminconsent?${query.toString()}`, {
    account: person('ada').oid,
    decision: 'accept',
  });
  if (answer.status !== 302) throw new Error(`admin consent answered ${answer.status}`);
}
