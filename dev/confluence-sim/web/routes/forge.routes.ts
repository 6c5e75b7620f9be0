import type { Router } from '../../http/router';
import { canAdministerSpace } from '../../site/permissions';
import { html } from '../html-template';
import { forgeSurfaceView } from '../views/forge-surface.view';
import { messagePage } from '../views/message.view';
import { type ForgeUiModule, moduleRoute, modulesOfType } from '../ui-options';
import type { WebHandler, WebRequest, WebResult } from '../web-handler';
import { loadSpace } from './load-content';

function findModule(req: WebRequest, type: ForgeUiModule['type']): ForgeUiModule | WebResult {
  if (!req.ui.forge)
    return messagePage(req, 404, 'App not installed', 'The app is not installed on this site.');
  const module = modulesOfType(req.ui, type).find((m) => moduleRoute(m) === req.params.route);
  return module ?? messagePage(req, 404, 'Page not found', `No app page at "${req.params.route}".`);
}

const isModule = (found: ForgeUiModule | WebResult): found is ForgeUiModule => 'key' in found;

/** The app's full-page Forge surfaces: space settings, global settings and the global page. */
export function registerForgeRoutes(router: Router<WebHandler>): void {
  router.add('GET', '/wiki/spaces/:key/settings/apps/:route', (req) => {
    const space = loadSpace(req);
    const module = findModule(req, 'confluence:spaceSettings');
    if (!isModule(module)) return module;
    if (!canAdministerSpace(req.user, space.key)) {
      return messagePage(
        req,
        403,
        module.title,
        `You need to be a space admin of ${space.name} to change its app settings.`,
      );
    }
    const heading = html`<div class="breadcrumb">
      <a href="/wiki/spaces/${space.key}">${space.name}</a> / Space settings / Integrations
    </div>`;
    const extension = { type: 'confluence:spaceSettings' as const, space: { key: space.key, id: space.id } };
    return forgeSurfaceView(req, module, extension, heading, space);
  });

  router.add('GET', '/wiki/admin/:route', (req) => {
    const module = findModule(req, 'confluence:globalSettings');
    if (!isModule(module)) return module;
    if (!req.user.person.siteAdmin) {
      return messagePage(
        req,
        403,
        module.title,
        'You need to be a Confluence site admin to open these settings.',
      );
    }
    const heading = html`<div class="breadcrumb">Settings / Apps</div>`;
    return forgeSurfaceView(req, module, { type: 'confluence:globalSettings' }, heading);
  });

  // Confluence's address of a global page is /wiki/apps/:appId/:forgeEnvId/:route; the short form
  // is the sandbox's own, kept for old links. The query reaches the app through view.createHistory().
  const globalPage: WebHandler = (req) => {
    const module = findModule(req, 'confluence:globalPage');
    if (!isModule(module)) return module;
    const forge = req.ui.forge;
    if (req.params.appId && forge?.appId && req.params.appId !== forge.appId) {
      return messagePage(req, 404, 'Page not found', 'No app with that id is installed on this site.');
    }
    const search = req.query.toString();
    return forgeSurfaceView(
      req,
      module,
      { type: 'confluence:globalPage' },
      html`<div class="breadcrumb">Apps</div>`,
      undefined,
      { pathname: '/', search: search ? `?${search}` : '' },
    );
  };
  router.add('GET', '/wiki/apps/:route', globalPage);
  router.add('GET', '/wiki/apps/:appId/:environmentId/:route', globalPage);
}
