import type { SeedPerson } from '../../seed';
import type { SimContext } from '../sim-context';
import type { GraphRequest, GraphResponse } from './graph-request';
import type { ThrottleTarget } from './throttle';

/** What a route handler receives: the request, its path parameters and the signed-in user. */
export interface RouteCall {
  ctx: SimContext;
  req: GraphRequest;
  params: Record<string, string>;
  user: { person: SeedPerson; scopes: string[]; appId: string };
}

/** One Graph v1.0 endpoint of the simulator. */
export interface GraphRoute {
  method: 'GET' | 'POST' | 'PATCH';
  /** Path after `/v1.0`, with `{name}` parameters, e.g. `/teams/{teamId}/channels`. */
  pattern: string;
  /** Delegated permissions, any one of which allows the call (least privileged first). */
  delegated: readonly string[];
  /** Application permissions Graph would take; app-only tokens of the simulator carry none. */
  application: readonly string[];
  /** `/me` paths make no sense without a user (Graph answers 400). */
  meOnly?: boolean;
  /** What the call counts against in Teams' throttling limits. */
  throttle?: (params: Record<string, string>) => ThrottleTarget;
  handle(call: RouteCall): GraphResponse | Promise<GraphResponse>;
}

/** Matches a decoded path against a route pattern; segments compare case-insensitively, as Graph does. */
export function matchPattern(pattern: string, segments: readonly string[]): Record<string, string> | null {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] ?? '';
    const segment = segments[i] ?? '';
    if (part.startsWith('{') && part.endsWith('}')) params[part.slice(1, -1)] = segment;
    else if (part.toLowerCase() !== segment.toLowerCase()) return null;
  }
  return params;
}

/** A channel request counts against that channel (a team-level request, against the team). */
export const channelTarget = (p: Record<string, string>, posts = false): ThrottleTarget => {
  const channel = `channel:${(p.teamId ?? '').toLowerCase()}/${(p.channelId ?? '').toLowerCase()}`;
  return { keys: [channel], ...(posts ? { postsToChannel: channel } : {}) };
};

export const teamTarget = (p: Record<string, string>): ThrottleTarget => ({
  keys: [`team:${(p.teamId ?? '').toLowerCase()}`],
});
