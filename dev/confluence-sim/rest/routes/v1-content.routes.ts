import { viewableContent } from '../../actions/action-context';
import type { Router } from '../../http/router';
import type { ContentVersion } from '../../site/content-record';
import { SimulatorError } from '../../site/simulator-error';
import { ok, type RestHandler } from '../rest-handler';
import { v1Content } from '../shapes/v1-content-shape';

const ALL_TYPES = ['page', 'blogpost', 'comment'] as const;

/**
 * `GET /wiki/rest/api/content/{id}` with `expand` and, for an earlier version, `version=N`
 * (optionally with `status=historical`, as Confluence documents it).
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content/#api-wiki-rest-api-content-id-get
 */
export function registerV1ContentRoutes(router: Router<RestHandler>): void {
  router.add('GET', '/wiki/rest/api/content/:id', (req) => {
    const content = viewableContent(req.actions, req.params.id, [...ALL_TYPES]);
    const versionParam = req.query.get('version');
    let version: ContentVersion | undefined;
    if (versionParam !== null) {
      version = content.versions.find((v) => String(v.number) === versionParam);
      if (!version)
        throw new SimulatorError(404, `No content found with id: ${content.id} and version: ${versionParam}`);
    }
    const expand = new Set(
      (req.query.get('expand') ?? '')
        .split(',')
        .map((e) => e.trim())
        .filter(Boolean),
    );
    return ok(
      v1Content(req.site, content, { expand, baseUrl: req.baseUrl, ...(version ? { version } : {}) }),
    );
  });

  router.add('GET', '/wiki/rest/api/content/:id/version', (req) => {
    const content = viewableContent(req.actions, req.params.id, [...ALL_TYPES]);
    const results = [...content.versions].reverse().map((v) => ({
      by: { accountId: v.by },
      when: v.when,
      message: v.message,
      number: v.number,
      minorEdit: v.minorEdit,
    }));
    return ok({
      results,
      start: 0,
      limit: 200,
      size: results.length,
      _links: { base: req.baseUrl, context: '/wiki' },
    });
  });
}
