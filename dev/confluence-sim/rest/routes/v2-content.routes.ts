import { viewableContent } from '../../actions/action-context';
import type { Router } from '../../http/router';
import type { ContentRecord } from '../../site/content-record';
import { canViewContent } from '../../site/permissions';
import { SimulatorError } from '../../site/simulator-error';
import { ok, type RestHandler, type RestRequest } from '../rest-handler';
import { v2Comment, v2Content, v2Version } from '../shapes/v2-content-shape';
import { v2Page } from '../v2-paging';

/*
 * Reads of pages and blog posts over v2: the item and its ancestors, labels, versions and comments.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-page/
 * @see https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-blog-post/
 * @see https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-comment/
 */

const COLLECTIONS = [
  ['pages', 'page'],
  ['blogposts', 'blogpost'],
] as const;

const flag = (req: RestRequest, name: string, fallback: boolean): boolean => {
  const value = req.query.get(name);
  return value === null ? fallback : value === 'true';
};

function getContent(req: RestRequest, type: ContentRecord['type']): ContentRecord {
  return viewableContent(req.actions, req.params.id, [type]);
}

export function registerV2ContentRoutes(router: Router<RestHandler>): void {
  for (const [collection, type] of COLLECTIONS) {
    const base = `/wiki/api/v2/${collection}/:id`;

    router.add('GET', base, (req) => {
      const content = getContent(req, type);
      const versionParam = req.query.get('version');
      const version =
        versionParam === null ? undefined : content.versions.find((v) => String(v.number) === versionParam);
      if (versionParam !== null && !version)
        throw new SimulatorError(404, `Version ${versionParam} not found.`);
      return ok(
        v2Content(req.site, content, {
          bodyFormat: req.query.get('body-format'),
          includeLabels: flag(req, 'include-labels', false),
          includeVersion: flag(req, 'include-version', true),
          baseUrl: req.baseUrl,
          ...(version ? { version } : {}),
        }),
      );
    });

    router.add('GET', `${base}/labels`, (req) => {
      const content = getContent(req, type);
      const prefix = req.query.get('prefix');
      const labels = content.labels.filter((l) => !prefix || l.prefix === prefix);
      return ok(v2Page(req, labels, (l) => ({ id: l.id, name: l.name, prefix: l.prefix })));
    });

    router.add('GET', `${base}/versions`, (req) => {
      const content = getContent(req, type);
      // Newest first, the documented default sort (-modified-date).
      const versions = [...content.versions].reverse();
      return ok(v2Page(req, versions, (v) => v2Version(v)));
    });

    for (const location of ['footer', 'inline'] as const) {
      router.add('GET', `${base}/${location}-comments`, (req) => {
        const content = getContent(req, type);
        const comments = req.site.comments(content.id, location, true);
        return ok(v2Page(req, comments, (c) => v2Comment(req.site, c, req.query.get('body-format'))));
      });
    }
  }

  router.add('GET', '/wiki/api/v2/pages/:id/ancestors', (req) => {
    const page = getContent(req, 'page');
    // Highest ancestor first, as the v2 docs describe ("top-to-bottom").
    const ancestors = req.site.ancestors(page.id).filter((a) => canViewContent(req.site, req.principal, a));
    return ok(v2Page(req, ancestors, (a) => ({ id: a.id, type: 'page' })));
  });

  router.add('GET', '/wiki/api/v2/pages/:id/children', (req) => {
    const page = getContent(req, 'page');
    const children = req.site.children(page.id).filter((c) => canViewContent(req.site, req.principal, c));
    return ok(
      v2Page(req, children, (c) => ({
        id: c.id,
        status: c.status,
        title: c.title,
        spaceId: req.site.spaceByKey(c.spaceKey)?.id,
      })),
    );
  });
}
