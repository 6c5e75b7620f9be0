import type { IncomingMessage, ServerResponse } from 'node:http';
import { type HeaderValues, readForm, redirect, sendHtml } from '../http/http-io';
import { Router } from '../http/router';
import type { ConfluenceSite } from '../site/confluence-site';
import { SimulatorError } from '../site/simulator-error';
import { registerBrowseRoutes } from './routes/browse.routes';
import { registerEditRoutes } from './routes/edit.routes';
import { registerForgeRoutes } from './routes/forge.routes';
import { registerSandboxRoutes } from './routes/sandbox.routes';
import { registerWatchRoutes } from './routes/watch.routes';
import type { SimulatorUiOptions } from './ui-options';
import { uiUser } from './ui-session';
import { chooseTheme } from './ui-theme';
import { messagePage } from './views/message.view';
import type { WebHandler, WebRequest } from './web-handler';

const TITLES: Record<number, string> = {
  400: 'Cannot save',
  403: 'Forbidden',
  404: 'Page not found',
  409: 'Conflict',
};

/** Serves the web UI; every request acts as the user of the `sandbox_user` cookie. */
export function createWebDispatcher(site: ConfluenceSite, ui: SimulatorUiOptions) {
  const router = new Router<WebHandler>();
  // Edit routes first: `/pages/:id/edit` would otherwise be read as a page title.
  registerEditRoutes(router);
  registerForgeRoutes(router);
  registerSandboxRoutes(router);
  registerWatchRoutes(router);
  registerBrowseRoutes(router);

  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const { theme, setCookie } = chooseTheme(req, url.searchParams);
    // Every answer remembers a theme chosen with `?theme=`, redirects and error pages included.
    const themeHeaders: HeaderValues = setCookie ? { 'set-cookie': setCookie } : {};
    if (url.pathname === '/' || url.pathname === '') {
      redirect(res, '/wiki/home', themeHeaders);
      return;
    }
    const request: WebRequest = {
      site,
      user: uiUser(req),
      params: {},
      query: url.searchParams,
      path: `${url.pathname}${url.search}`,
      ui,
      theme,
      form: () => readForm(req),
    };
    try {
      const found = router.match(req.method ?? 'GET', url.pathname);
      const result =
        'handler' in found
          ? await found.handler({ ...request, params: found.params })
          : messagePage(
              request,
              found.methodMismatch ? 405 : 404,
              'Page not found',
              `Nothing at ${url.pathname}.`,
            );
      if (result.kind === 'redirect') redirect(res, result.location, withCookies(result.headers, setCookie));
      else sendHtml(res, result.status, result.html, themeHeaders);
    } catch (error) {
      if (!(error instanceof SimulatorError)) {
        console.error('Confluence simulator: web handler failed', error);
        sendHtml(
          res,
          500,
          `<h1>Simulator error</h1><pre>${String((error as Error).message).replace(/</g, '&lt;')}</pre>`,
          themeHeaders,
        );
        return;
      }
      const result = messagePage(request, error.status, TITLES[error.status] ?? 'Error', error.message);
      if (result.kind === 'html') sendHtml(res, result.status, result.html, themeHeaders);
    }
  };
}

/** A handler's own headers (the user switcher sets its cookie) plus the theme cookie, if any. */
function withCookies(headers: Record<string, string> = {}, themeCookie?: string): HeaderValues {
  if (!themeCookie) return headers;
  const own = headers['set-cookie'];
  return { ...headers, 'set-cookie': own ? [own, themeCookie] : themeCookie };
}
