import type { IncomingMessage, ServerResponse } from 'node:http';
import { readJson, sendJson } from '../http/http-io';
import { Router } from '../http/router';
import type { ConfluenceSite } from '../site/confluence-site';
import { APP_PRINCIPAL, type Principal, principalForAccount } from '../site/principal';
import { SimulatorError } from '../site/simulator-error';
import { errorBodyFor } from './rest-errors';
import type { RestHandler } from './rest-handler';
import { registerV1ContentPropertyRoutes } from './routes/v1-content-properties.routes';
import { registerV1ContentRoutes } from './routes/v1-content.routes';
import { registerV1PermissionCheckRoutes } from './routes/v1-permission-check.routes';
import { registerV1SearchRoutes } from './routes/v1-search.routes';
import { registerV1SpaceRoutes } from './routes/v1-space.routes';
import { registerV1UserRoutes } from './routes/v1-users.routes';
import { registerV1WatchRoutes } from './routes/v1-watches.routes';
import { registerV2CommentRoutes } from './routes/v2-comments.routes';
import { registerV2ContentUpdateRoutes } from './routes/v2-content-update.routes';
import { registerV2ContentRoutes } from './routes/v2-content.routes';
import { registerV2SpaceRoutes } from './routes/v2-spaces.routes';

/** The header the Forge emulator sets on product requests: `app` (asApp) or `user:<accountId>` (asUser). */
export const PRINCIPAL_HEADER = 'x-sandbox-principal';

function principalOf(req: IncomingMessage): Principal | undefined {
  const header = req.headers[PRINCIPAL_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  if (value === 'app') return APP_PRINCIPAL;
  if (value?.startsWith('user:')) return principalForAccount(value.slice('user:'.length));
  return undefined;
}

function buildRouter(): Router<RestHandler> {
  const router = new Router<RestHandler>();
  // Search first: `/content/search` would otherwise be taken for a content id.
  registerV1SearchRoutes(router);
  registerV1UserRoutes(router);
  registerV1WatchRoutes(router);
  registerV1SpaceRoutes(router);
  registerV1PermissionCheckRoutes(router);
  registerV1ContentPropertyRoutes(router);
  registerV1ContentRoutes(router);
  registerV2SpaceRoutes(router);
  registerV2ContentRoutes(router);
  registerV2ContentUpdateRoutes(router);
  registerV2CommentRoutes(router);
  return router;
}

/** Serves `/wiki/rest/api/**` and `/wiki/api/v2/**` with app/user semantics. */
export function createRestDispatcher(site: ConfluenceSite, siteBaseUrl: () => string) {
  const router = buildRouter();
  return async (req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> => {
    const path = url.pathname;
    try {
      const principal = principalOf(req);
      if (!principal) {
        throw new SimulatorError(
          401,
          `Missing or unknown ${PRINCIPAL_HEADER} header (expected 'app' or 'user:<accountId>').`,
        );
      }
      const found = router.match(req.method ?? 'GET', path);
      if (!('handler' in found)) {
        const status = found.methodMismatch ? 405 : 404;
        sendJson(res, status, errorBodyFor(path, status, `The simulator has no ${req.method} ${path}.`));
        return;
      }
      const result = await found.handler({
        site,
        principal,
        params: found.params,
        query: url.searchParams,
        baseUrl: siteBaseUrl(),
        path: `${path}${url.search}`,
        json: () => readJson(req),
        actions: { site, principal, origin: 'app' },
      });
      sendJson(res, result.status, result.body);
    } catch (error) {
      if (error instanceof SimulatorError) {
        sendJson(res, error.status, errorBodyFor(path, error.status, error.message));
        return;
      }
      console.error('Confluence simulator: REST handler failed', error);
      sendJson(res, 500, errorBodyFor(path, 500, (error as Error).message));
    }
  };
}
