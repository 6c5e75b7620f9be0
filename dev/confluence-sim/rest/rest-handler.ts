import type { ActionContext } from '../actions/action-context';
import type { RouteParams } from '../http/router';
import type { ConfluenceSite } from '../site/confluence-site';
import type { Principal } from '../site/principal';

/** One REST call after routing and authentication. */
export interface RestRequest {
  site: ConfluenceSite;
  principal: Principal;
  params: RouteParams;
  query: URLSearchParams;
  /** The site base, `<url>/wiki`, for `_links.base`. */
  baseUrl: string;
  /** The path and query of the request, for paging links. */
  path: string;
  json: () => Promise<unknown>;
  /** Actions through REST come from the app, so their events are `selfGenerated`. */
  actions: ActionContext;
}

/** A JSON answer. */
export interface RestResult {
  status: number;
  body?: unknown;
}

export type RestHandler = (req: RestRequest) => Promise<RestResult> | RestResult;

export const ok = (body: unknown): RestResult => ({ status: 200, body });
