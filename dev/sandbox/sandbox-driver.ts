import type { ResolverApi, ResolverKey, ResolverResult } from '../../src/contracts/resolver-api';
import type { SeedPerson } from '../seed';
import type { Sandbox } from './start-sandbox';

/** Where a resolver call comes from: the surface (module) and what Confluence tells it. */
export interface Surface {
  moduleKey: string;
  extension?: Record<string, unknown>;
}

export const SURFACES = {
  global: { moduleKey: 'teams-global-settings', extension: { type: 'confluence:globalSettings' } },
  personal: { moduleKey: 'teams-personal-settings', extension: { type: 'confluence:globalPage' } },
  space: (key: string): Surface => ({
    moduleKey: 'teams-space-settings',
    extension: { type: 'confluence:spaceSettings', space: { key } },
  }),
} as const;

/**
 * Calls a resolver the way the Custom UI's bridge does in the sandbox: through the emulator's
 * HTTP endpoint that the host page uses.
 */
export const invokeAs = async <K extends ResolverKey>(
  sandbox: Sandbox,
  person: SeedPerson,
  surface: Surface,
  key: K,
  payload: ResolverApi[K]['input'],
): Promise<ResolverResult<ResolverApi[K]['output']>> => {
  const response = await fetch(`${sandbox.forge.url}/__forge/invoke`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ ...surface, accountId: person.accountId, functionKey: key, payload }),
  });
  const answer = (await response.json()) as { ok: boolean; result?: unknown; message?: string };
  if (!answer.ok) throw new Error(`Resolver ${key} failed: ${answer.message}`);
  return answer.result as ResolverResult<ResolverApi[K]['output']>;
};

/** Like invokeAs, but throws on an error envelope and returns the data. */
export const invokeOk = async <K extends ResolverKey>(
  ...args: Parameters<typeof invokeAs<K>>
): Promise<ResolverApi[K]['output']> => {
  const result = await invokeAs(...args);
  if (!result.ok)
    throw new Error(`Resolver ${args[3]} refused: ${result.error.code} ${result.error.message}`);
  return result.data;
};

/** What the browser would open: a real Microsoft URL routed to the simulator. */
export const toSandboxUrl = (sandbox: Sandbox, url: string): string => {
  for (const [origin, local] of Object.entries(sandbox.browserRoutes)) {
    if (url.startsWith(`${origin}/`)) return local + url.slice(origin.length);
  }
  return url;
};

const formAction = (html: string, pageUrl: string): string => {
  const match = /<form[^>]*method="post"[^>]*action="([^"]*)"/i.exec(html);
  if (!match?.[1]) throw new Error('The Microsoft page has no form');
  return new URL(match[1].replace(/&amp;/g, '&'), pageUrl).toString();
};

/**
 * Plays a person on Microsoft's sign-in (or admin consent) page: opens the URL, picks their
 * account (plus any other form fields, such as `decision=accept` or `cancel=1`) and returns where
 * Microsoft redirects the browser: the app's OAuth callback with a code or an error.
 */
export const redirectFromMicrosoft = async (
  sandbox: Sandbox,
  authorizeUrl: string,
  person: SeedPerson,
  form: Record<string, string> = {},
): Promise<string> => {
  const pageUrl = toSandboxUrl(sandbox, authorizeUrl);
  const page = await fetch(pageUrl);
  const html = await page.text();
  if (!page.ok) throw new Error(`Microsoft page answered ${page.status}: ${html.slice(0, 200)}`);
  const submitted = await fetch(formAction(html, pageUrl), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ account: person.oid, ...form }).toString(),
  });
  const location = submitted.headers.get('location');
  if (submitted.status !== 302 || !location) {
    throw new Error(
      `Microsoft did not redirect (${submitted.status}): ${(await submitted.text()).slice(0, 200)}`,
    );
  }
  return location;
};

/** The query parameter of the personal page that carries a finished sign-in (oauth-redirect.ts). */
const COMPLETION_PARAM = 'teams-sign-in';

/**
 * The app's OAuth callback as a browser meets it: a 303 to Confluence's personal page with a
 * completion code, or a page that says what went wrong.
 */
export const openCallback = async (
  callbackUrl: string,
): Promise<{ status: number; body: string; location: string | null; code: string | null }> => {
  const answer = await fetch(callbackUrl, { redirect: 'manual' });
  const location = answer.headers.get('location');
  const code = location ? new URL(location).searchParams.get(COMPLETION_PARAM) : null;
  return { status: answer.status, body: await answer.text(), location, code };
};

/** A completion code, as the personal page redeems it for whoever is signed in to Confluence there. */
export const finishSignIn = (sandbox: Sandbox, finisher: SeedPerson, code: string) =>
  invokeAs(sandbox, finisher, SURFACES.personal, 'connection/finish-sign-in', { code });

/**
 * The whole round trip: Microsoft's page, the app's OAuth callback, and the personal page in
 * the same browser redeeming the result as `finisher` (by default the person who signed in at
 * Microsoft). 200 with what the page says when the connection (or consent) is made; otherwise
 * the callback's status and page, or 400/403/409 with the refusal the personal page shows.
 */
export const signInAtMicrosoft = async (
  sandbox: Sandbox,
  authorizeUrl: string,
  person: SeedPerson,
  form: Record<string, string> = {},
  finisher: SeedPerson = person,
): Promise<{ status: number; body: string }> => {
  const callback = await openCallback(await redirectFromMicrosoft(sandbox, authorizeUrl, person, form));
  if (callback.status !== 303 || !callback.code) return { status: callback.status, body: callback.body };
  const finished = await finishSignIn(sandbox, finisher, callback.code);
  if (finished.ok) {
    return {
      status: 200,
      body:
        finished.data.kind === 'connected'
          ? `Connected to Microsoft Teams as ${finished.data.displayName}`
          : 'Admin consent granted',
    };
  }
  const status = { forbidden: 403, conflict: 409 }[finished.error.code as string] ?? 400;
  return { status, body: finished.error.message };
};
