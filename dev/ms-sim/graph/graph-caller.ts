import type { SeedPerson } from '../../seed';
import type { SimContext } from '../sim-context';
import { graphError } from './graph-error';
import type { GraphRequest, GraphResponse } from './graph-request';

/** Who is calling Graph: a signed-in user (delegated) or an app on its own (client credentials). */
export type GraphCaller =
  | { kind: 'user'; person: SeedPerson; scopes: string[]; appId: string }
  | { kind: 'app'; appId: string; roles: string[] };

/**
 * Reads the bearer token. Anything but a valid, unexpired Graph token of this simulator is a 401
 * `InvalidAuthenticationToken`, as Graph answers.
 */
export function identifyCaller(ctx: SimContext, req: GraphRequest): GraphCaller | GraphResponse {
  const now = ctx.clock();
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(.+)$/i.exec(header.trim());
  const unauthorized = (message: string) =>
    graphError(now, req, 401, 'InvalidAuthenticationToken', message, {
      'WWW-Authenticate': 'Bearer realm=""',
    });
  if (!match?.[1]) return unauthorized('Access token is empty.');
  const check = ctx.tokens.verifyGraphAccessToken(match[1]);
  if (!check.ok) return unauthorized(check.message);
  const claims = check.claims;
  const appId = typeof claims.appid === 'string' ? claims.appid : '';
  if (claims.idtyp === 'app') {
    const roles = Array.isArray(claims.roles) ? claims.roles.map(String) : [];
    return { kind: 'app', appId, roles };
  }
  const person = ctx.directory.personByOid(typeof claims.oid === 'string' ? claims.oid : '');
  if (!person) return unauthorized('Access token validation failure. The user does not exist in the tenant.');
  const scopes = typeof claims.scp === 'string' ? claims.scp.split(' ').filter(Boolean) : [];
  return { kind: 'user', person, scopes, appId };
}
