import type { RouteParams } from '../http/router';
import type { ConfluenceSite } from '../site/confluence-site';
import type { SimulatorUiOptions } from './ui-options';
import type { UiTheme } from './ui-theme';
import type { UiUser } from './ui-session';

/** One web UI request after routing, acting as the user of the `sandbox_user` cookie. */
export interface WebRequest {
  site: ConfluenceSite;
  user: UiUser;
  params: RouteParams;
  query: URLSearchParams;
  /** Path and query, for the user switcher's return address. */
  path: string;
  ui: SimulatorUiOptions;
  /** The colour theme the pages and the app render in (`?theme=`, else the theme cookie). */
  theme: UiTheme;
  form: () => Promise<URLSearchParams>;
}

/** A rendered page or a redirect (post/redirect/get after forms). */
export type WebResult =
  | { kind: 'html'; status: number; html: string }
  | { kind: 'redirect'; location: string; headers?: Record<string, string> };

export type WebHandler = (req: WebRequest) => Promise<WebResult> | WebResult;

export const page = (html: string, status = 200): WebResult => ({ kind: 'html', status, html });
export const redirectTo = (location: string, headers?: Record<string, string>): WebResult => ({
  kind: 'redirect',
  location,
  ...(headers ? { headers } : {}),
});
