import type { SimContext } from '../sim-context';
import { hasAnyScope } from '../tokens/scopes';
import { identifyCaller } from './graph-caller';
import { graphError, tooManyRequests } from './graph-error';
import type { GraphRequest, GraphResponse } from './graph-request';
import { matchPattern } from './graph-route';
import { GRAPH_ROUTES } from './route-table';

/** The Graph version the simulator serves. */
export const GRAPH_VERSION = 'v1.0';

/** Splits `/v1.0/teams/a%3Ab/channels` into decoded segments after the version, or null for another version. */
export function resourceSegments(path: string): string[] | null {
  const segments = path.split('/').filter(Boolean);
  if (segments[0] !== GRAPH_VERSION) return null;
  try {
    return segments.slice(1).map((s) => decodeURIComponent(s));
  } catch {
    return null;
  }
}

/**
 * Runs one Graph request (not `$batch`): bearer token, route, permission, throttling, handler.
 * Faults are drawn by the caller, which knows whether a socket can be dropped.
 */
export async function executeGraphRequest(ctx: SimContext, req: GraphRequest): Promise<GraphResponse> {
  const now = ctx.clock();
  const segments = resourceSegments(req.path);
  if (!segments) {
    return graphError(
      now,
      req,
      400,
      'BadRequest',
      `Invalid version: the simulator serves ${GRAPH_VERSION} only (${req.path}).`,
    );
  }
  const caller = identifyCaller(ctx, req);
  if ('status' in caller) return caller;

  const candidates = GRAPH_ROUTES.map((route) => ({
    route,
    params: matchPattern(route.pattern, segments),
  })).filter((c) => c.params !== null);
  if (candidates.length === 0) {
    return graphError(
      now,
      req,
      400,
      'BadRequest',
      `Resource not found for the segment '${segments.at(-1) ?? ''}'.`,
    );
  }
  const found = candidates.find((c) => c.route.method === req.method);
  if (!found?.params) {
    return graphError(now, req, 405, 'MethodNotAllowed', `${req.method} is not allowed on this resource.`, {
      Allow: candidates.map((c) => c.route.method).join(', '),
    });
  }
  const { route, params } = found as { route: (typeof found)['route']; params: Record<string, string> };

  if (caller.kind === 'app') {
    if (route.meOnly)
      return graphError(
        now,
        req,
        400,
        'BadRequest',
        '/me request is only valid with delegated authentication flow.',
      );
    return graphError(
      now,
      req,
      403,
      'Forbidden',
      `Missing role permissions on the request. API requires one of '${route.application.join(', ')}'. Roles on the request '${caller.roles.join(', ')}'.`,
    );
  }
  if (!hasAnyScope(caller.scopes, route.delegated)) {
    return graphError(
      now,
      req,
      403,
      'Forbidden',
      `Missing scope permissions on the request. API requires one of '${route.delegated.join(', ')}'. Scopes on the request '${caller.scopes.join(', ')}'.`,
    );
  }
  if (ctx.throttling && route.throttle) {
    const decision = ctx.throttle.admit(route.throttle(params));
    if (!decision.ok) return tooManyRequests(now, req, decision.retryAfterSeconds, decision.reason);
  }
  return route.handle({ ctx, req, params, user: caller });
}
