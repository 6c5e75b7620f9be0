import type { Router } from '../../http/router';
import { canViewSpace } from '../../site/permissions';
import { SimulatorError } from '../../site/simulator-error';
import { ok, type RestHandler } from '../rest-handler';
import { v2Space } from '../shapes/space-shapes';
import { v2Page } from '../v2-paging';

/** Repeated parameters and comma-separated lists both work for v2 array parameters. */
const listParam = (query: URLSearchParams, name: string): string[] =>
  query
    .getAll(name)
    .flatMap((v) => v.split(','))
    .map((v) => v.trim())
    .filter(Boolean);

/**
 * `GET /wiki/api/v2/spaces` (filters `keys`, `ids`) and `GET /wiki/api/v2/spaces/{id}`.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-space/
 */
export function registerV2SpaceRoutes(router: Router<RestHandler>): void {
  router.add('GET', '/wiki/api/v2/spaces', (req) => {
    const keys = listParam(req.query, 'keys');
    const ids = listParam(req.query, 'ids');
    const spaces = req.site
      .allSpaces()
      .filter((s) => canViewSpace(req.principal, s.key))
      .filter((s) => keys.length === 0 || keys.includes(s.key))
      .filter((s) => ids.length === 0 || ids.includes(s.id));
    return ok(v2Page(req, spaces, (s) => v2Space(s, req.query.get('description-format'))));
  });

  router.add('GET', '/wiki/api/v2/spaces/:id', (req) => {
    const space = req.site.spaceById(req.params.id);
    if (!space || !canViewSpace(req.principal, space.key)) throw new SimulatorError(404, 'Space not found.');
    return ok(v2Space(space, req.query.get('description-format')));
  });
}
