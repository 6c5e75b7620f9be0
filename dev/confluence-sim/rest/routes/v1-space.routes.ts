import type { Router } from '../../http/router';
import { canViewSpace } from '../../site/permissions';
import { SimulatorError } from '../../site/simulator-error';
import { ok, type RestHandler } from '../rest-handler';
import { v1Content } from '../shapes/v1-content-shape';
import { v1Space, v1SpaceOperations } from '../shapes/space-shapes';

/**
 * `GET /wiki/rest/api/space/{key}` with `expand=operations,homepage`; the operations are the caller's.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-space/#api-wiki-rest-api-space-spacekey-get
 */
export function registerV1SpaceRoutes(router: Router<RestHandler>): void {
  router.add('GET', '/wiki/rest/api/space/:key', (req) => {
    const space = req.site.spaceByKey(req.params.key);
    if (!space || !canViewSpace(req.principal, space.key)) {
      throw new SimulatorError(404, `No space with key : ${req.params.key}`);
    }
    const expand = new Set((req.query.get('expand') ?? '').split(',').filter(Boolean));
    const body = v1Space(space, req.baseUrl);
    const expandable = body._expandable as Record<string, string>;
    if (expand.has('operations')) {
      body.operations = v1SpaceOperations(req.principal, space);
      delete expandable.operations;
    }
    if (expand.has('description') || expand.has('description.plain')) {
      body.description = { plain: { value: space.description, representation: 'plain' } };
      delete expandable.description;
    }
    const homepage = req.site.content(space.homepageId);
    if (expand.has('homepage') && homepage) {
      body.homepage = v1Content(req.site, homepage, { expand: new Set(), baseUrl: req.baseUrl });
      delete expandable.homepage;
    }
    return ok(body);
  });
}
