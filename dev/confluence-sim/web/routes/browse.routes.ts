import type { Router } from '../../http/router';
import { SimulatorError } from '../../site/simulator-error';
import { contentIdFromTiny, contentWebPath } from '../../site/web-paths';
import { compareView } from '../views/compare.view';
import { contentView } from '../views/content.view';
import { historyView } from '../views/history.view';
import { homeView } from '../views/home.view';
import { messagePage } from '../views/message.view';
import { searchView } from '../views/search.view';
import { spaceView } from '../views/space.view';
import { redirectTo, type WebHandler } from '../web-handler';
import { loadContent, loadSpace } from './load-content';

const viewContent: WebHandler = (req) => {
  const loaded = loadContent(req);
  if ('denied' in loaded) return loaded.denied;
  const versionParam = req.query.get('version');
  const version = versionParam
    ? loaded.content.versions.find((v) => String(v.number) === versionParam)
    : undefined;
  if (versionParam && !version) throw new SimulatorError(404, `Version ${versionParam} does not exist.`);
  return contentView(req, loaded.space, loaded.content, version);
};

/**
 * Confluence's compare address, `/wiki/pages/diffpagesbyversion.action?pageId=…&selectedPageVersions=A&selectedPageVersions=B`
 * (the "View changes" link of a card). Whoever cannot view the page gets the same refusal as on the page.
 */
const compareVersions: WebHandler = (req) => {
  const id = req.query.get('pageId') ?? '';
  const loaded = loadContent({ ...req, params: { key: req.site.content(id)?.spaceKey ?? '', id } });
  if ('denied' in loaded) return loaded.denied;
  const numbers = req.query.getAll('selectedPageVersions').map(Number);
  if (numbers.length !== 2 || !numbers.every(Number.isInteger))
    return messagePage(req, 400, 'Cannot compare', 'Choose two versions of the page to compare.');
  const [older, newer] = numbers
    .sort((a, b) => a - b)
    .map((number) => {
      const version = loaded.content.versions.find((v) => v.number === number);
      if (!version) throw new SimulatorError(404, `Version ${number} does not exist.`);
      return version;
    });
  return compareView(req, loaded.space, loaded.content, older, newer);
};

/** Browsing: home, spaces, pages, blog posts, history and short links. Register after the edit routes. */
export function registerBrowseRoutes(router: Router<WebHandler>): void {
  router.add('GET', '/wiki', homeView);
  router.add('GET', '/wiki/home', homeView);
  router.add('GET', '/wiki/spaces', homeView);
  router.add('GET', '/wiki/spaces/:key', (req) => spaceView(req, loadSpace(req)));
  router.add('GET', '/wiki/spaces/:key/overview', (req) => spaceView(req, loadSpace(req)));
  router.add('GET', '/wiki/spaces/:key/pages/:id/history', (req) => {
    const loaded = loadContent(req);
    return 'denied' in loaded ? loaded.denied : historyView(req, loaded.space, loaded.content);
  });
  router.add('GET', '/wiki/spaces/:key/pages/:id', viewContent);
  router.add('GET', '/wiki/spaces/:key/pages/:id/:title', viewContent);
  router.add('GET', '/wiki/spaces/:key/blog/:year/:month/:day/:id', viewContent);
  router.add('GET', '/wiki/spaces/:key/blog/:year/:month/:day/:id/:title', viewContent);
  router.add('GET', '/wiki/pages/diffpagesbyversion.action', compareVersions);
  router.add('GET', '/wiki/dosearchsite.action', searchView);
  router.add('GET', '/wiki/x/:code', (req) => {
    const content = req.site.content(contentIdFromTiny(req.params.code) ?? '');
    if (!content) throw new SimulatorError(404, 'Page not found');
    return redirectTo(`/wiki${contentWebPath(req.site, content)}`);
  });
}
