import type { Router } from '../../http/router';
import { principalForAccount } from '../../site/principal';
import { SimulatorError } from '../../site/simulator-error';
import { ok, type RestHandler } from '../rest-handler';
import { v1User, v1UserOperations } from '../shapes/user-shape';

/**
 * `GET /wiki/rest/api/user/current`, `/user?accountId=` and `/user/bulk`.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-users/
 */
export function registerV1UserRoutes(router: Router<RestHandler>): void {
  const expands = (query: URLSearchParams): string[] => (query.get('expand') ?? '').split(',');

  router.add('GET', '/wiki/rest/api/user/current', (req) => {
    const user = v1User(req.principal, req.baseUrl, req.principal);
    if (expands(req.query).includes('operations')) user.operations = v1UserOperations(req.principal);
    return ok(user);
  });

  router.add('GET', '/wiki/rest/api/user', (req) => {
    const accountId = req.query.get('accountId');
    if (!accountId) throw new SimulatorError(400, 'accountId is required.');
    const principal = principalForAccount(accountId);
    if (!principal) throw new SimulatorError(404, `No user found with accountId: ${accountId}`);
    const user = v1User(principal, req.baseUrl, req.principal);
    if (expands(req.query).includes('operations')) user.operations = v1UserOperations(principal);
    return ok(user);
  });

  router.add('GET', '/wiki/rest/api/user/bulk', (req) => {
    // Both repeated parameters and a comma-separated list are accepted by Confluence.
    const ids = req.query
      .getAll('accountId')
      .flatMap((v) => v.split(','))
      .filter(Boolean);
    if (ids.length === 0) throw new SimulatorError(400, 'At least one accountId is required.');
    const results = ids.flatMap((id) => {
      const principal = principalForAccount(id);
      return principal ? [v1User(principal, req.baseUrl, req.principal)] : [];
    });
    return ok({
      results,
      start: 0,
      limit: 200,
      size: results.length,
      _links: { base: req.baseUrl, context: '/wiki' },
    });
  });
}
