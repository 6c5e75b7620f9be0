import type { IncomingMessage } from 'node:http';
import { cookieValue } from './ui-session';

/**
 * The Confluence user's colour theme, as the profile's Theme setting offers it: light, dark, or
 * "match browser" (`auto`, resolved with `prefers-color-scheme`).
 */
export type UiTheme = 'light' | 'dark' | 'auto';

/** Where the chosen theme is kept, so it survives links, redirects and form posts. */
export const THEME_COOKIE = 'sandbox_theme';

const THEMES: readonly UiTheme[] = ['light', 'dark', 'auto'];

const asTheme = (value: string | null | undefined): UiTheme | undefined =>
  THEMES.find((theme) => theme === value);

/** What a request asks for, and the cookie to set when `?theme=` chose something new. */
export interface ThemeChoice {
  theme: UiTheme;
  setCookie?: string;
}

/**
 * `?theme=dark|light|auto` on any web address switches the theme and remembers it in a cookie;
 * without it the cookie decides; light when neither does, as Confluence is by default.
 */
export function chooseTheme(req: IncomingMessage, query: URLSearchParams): ThemeChoice {
  const asked = asTheme(query.get('theme'));
  const kept = asTheme(cookieValue(req, THEME_COOKIE));
  if (asked && asked !== kept) return { theme: asked, setCookie: themeCookie(asked) };
  return { theme: asked ?? kept ?? 'light' };
}

export function themeCookie(theme: UiTheme): string {
  return `${THEME_COOKIE}=${theme}; Path=/; SameSite=Lax`;
}

/** The same address with `theme` set, so a link can switch the theme. */
export function withTheme(path: string, theme: UiTheme): string {
  const url = new URL(path, 'http://sandbox.invalid');
  url.searchParams.set('theme', theme);
  return `${url.pathname}${url.search}${url.hash}`;
}
