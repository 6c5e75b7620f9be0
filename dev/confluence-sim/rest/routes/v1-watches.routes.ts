import { viewableContent } from '../../actions/action-context';
import {
  setContentWatch,
  setSpaceWatch,
  watchableContent,
  watchableSpace,
  watcherFor,
} from '../../actions/set-watch';
import type { Router } from '../../http/router';
import { ok, type RestHandler, type RestResult } from '../rest-handler';
import { contentWatch, spaceWatch } from '../shapes/watch-shape';
import { v1Page } from '../v1-paging';

const ALL_TYPES = ['page', 'blogpost', 'comment'] as const;

/** Watches are listed 200 at a time by default, as Atlassian documents for these two resources. */
const DEFAULT_LIMIT = 200;

/** Adding and removing a watch answer 204 without a body. */
const NO_CONTENT: RestResult = { status: 204 };

/**
 * Who watches a piece of content and its space (needs "Can use" only; hidden content is 404 as
 * everywhere), and the current user's (or, for admins and the app, `?accountId=`'s) watches.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content-watches/
 */
export function registerV1WatchRoutes(router: Router<RestHandler>): void {
  router.add('GET', '/wiki/rest/api/content/:id/notification/child-created', (req) => {
    const content = viewableContent(req.actions, req.params.id, [...ALL_TYPES]);
    const page = v1Page(
      req,
      req.site.watches.watchers({ contentId: content.id }),
      DEFAULT_LIMIT,
      DEFAULT_LIMIT,
    );
    return ok(page.envelope(page.items.map((accountId) => contentWatch(accountId, content.id, req.baseUrl))));
  });

  router.add('GET', '/wiki/rest/api/content/:id/notification/created', (req) => {
    const content = viewableContent(req.actions, req.params.id, [...ALL_TYPES]);
    const spaceKey = content.spaceKey;
    const page = v1Page(req, req.site.watches.watchers({ spaceKey }), DEFAULT_LIMIT, DEFAULT_LIMIT);
    return ok(page.envelope(page.items.map((accountId) => spaceWatch(accountId, spaceKey, req.baseUrl))));
  });

  const contentPath = '/wiki/rest/api/user/watch/content/:contentId';
  router.add('GET', contentPath, (req) => {
    const content = watchableContent(req.actions, req.params.contentId);
    const watcher = watcherFor(req.actions, req.query.get('accountId'));
    return ok({ watching: req.site.watches.isWatching({ contentId: content.id }, watcher.accountId) });
  });
  router.add('POST', contentPath, (req) => {
    setContentWatch(req.actions, req.params.contentId, true, req.query.get('accountId'));
    return NO_CONTENT;
  });
  router.add('DELETE', contentPath, (req) => {
    setContentWatch(req.actions, req.params.contentId, false, req.query.get('accountId'));
    return NO_CONTENT;
  });

  const spacePath = '/wiki/rest/api/user/watch/space/:spaceKey';
  router.add('GET', spacePath, (req) => {
    const space = watchableSpace(req.actions, req.params.spaceKey);
    const watcher = watcherFor(req.actions, req.query.get('accountId'));
    return ok({ watching: req.site.watches.isWatching({ spaceKey: space.key }, watcher.accountId) });
  });
  router.add('POST', spacePath, (req) => {
    setSpaceWatch(req.actions, req.params.spaceKey, true, req.query.get('accountId'));
    return NO_CONTENT;
  });
  router.add('DELETE', spacePath, (req) => {
    setSpaceWatch(req.actions, req.params.spaceKey, false, req.query.get('accountId'));
    return NO_CONTENT;
  });
}
