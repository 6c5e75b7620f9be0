import type { IncomingMessage } from 'node:http';
import { PEOPLE, person } from '../../seed';
import type { Principal } from '../site/principal';

/** The cookie of the web UI's user switcher: an accountId (a seed person key works too). */
export const USER_COOKIE = 'sandbox_user';

/** A seed person acting in the web UI. */
export type UiUser = Extract<Principal, { kind: 'user' }>;

/** One cookie of the request, decoded. */
export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

/** The UI's current user from the cookie; Ada (the site admin) when absent or unknown. */
export function uiUser(req: IncomingMessage): UiUser {
  const value = cookieValue(req, USER_COOKIE);
  const found = PEOPLE.find((p) => p.accountId === value || p.key === value) ?? person('ada');
  return { kind: 'user', accountId: found.accountId, person: found };
}

export function userCookie(accountId: string): string {
  return `${USER_COOKIE}=${encodeURIComponent(accountId)}; Path=/; SameSite=Lax`;
}
