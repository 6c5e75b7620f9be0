import { setContentWatch, setSpaceWatch } from '../../actions/set-watch';
import type { Router } from '../../http/router';
import { contentWebPath } from '../../site/web-paths';
import { redirectTo, type WebHandler } from '../web-handler';
import { asUser } from './edit.routes';
import { loadContent, loadSpace } from './load-content';

/** The Watch buttons of pages, blog posts and spaces; each posts the state it sets (`watching`). */
export function registerWatchRoutes(router: Router<WebHandler>): void {
  router.add('POST', '/wiki/spaces/:key/pages/:id/watch', async (req) => {
    const loaded = loadContent(req);
    if ('denied' in loaded) return loaded.denied;
    const form = await req.form();
    setContentWatch(asUser(req), loaded.content.id, form.get('watching') === 'true');
    return redirectTo(`/wiki${contentWebPath(req.site, loaded.content)}`);
  });

  router.add('POST', '/wiki/spaces/:key/watch', async (req) => {
    const space = loadSpace(req);
    const form = await req.form();
    setSpaceWatch(asUser(req), space.key, form.get('watching') === 'true');
    return redirectTo(`/wiki/spaces/${space.key}`);
  });
}
