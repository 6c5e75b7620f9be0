import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { EmulatorCore } from '../core/emulator-core';
import { buildOverview } from '../inspect/overview-model';
import { renderOverviewPage } from '../inspect/overview-page';
import { handleWebTriggerHttp } from '../webtrigger/webtrigger-http';
import { handleInvoke } from './invoke-endpoint';
import { hostConfigPrelude } from './host-config';
import { browserScript, serveUiResource } from './static-ui';

const WEBTRIGGER_PATH = /^\/x1\/([^/]+)(\/.*)?$/;
const UI_PATH = /^\/__forge\/ui\/([^/]+)(?:\/(.*))?$/;

/** The host page (Confluence simulator) runs on another origin and posts to /__forge/invoke. */
const CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, OPTIONS',
  'access-control-allow-headers': 'content-type',
};

async function route(core: EmulatorCore, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const url = new URL(request.url ?? '/', core.url);
  const webTrigger = WEBTRIGGER_PATH.exec(url.pathname);
  if (webTrigger)
    return handleWebTriggerHttp(core, request, response, url, webTrigger[1], webTrigger[2] ?? '');
  for (const [name, value] of Object.entries(CORS)) response.setHeader(name, value);
  if (request.method === 'OPTIONS') {
    response.writeHead(204).end();
    return;
  }
  if (url.pathname === '/__forge/invoke' && request.method === 'POST')
    return handleInvoke(core, request, response);
  if (url.pathname === '/__forge/bridge-child.js' || url.pathname === '/__forge/host.js') {
    const name = url.pathname === '/__forge/host.js' ? 'host.js' : 'bridge-child.js';
    const script = await browserScript(name);
    const body = name === 'host.js' ? hostConfigPrelude(core) + script : script;
    response
      .writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' })
      .end(body);
    return;
  }
  if (url.pathname === '/' && request.method === 'GET') return serveOverview(core, response, url);
  const ui = UI_PATH.exec(url.pathname);
  if (ui && request.method === 'GET') {
    if (ui[2] === undefined) {
      // Relative asset paths in index.html only resolve under a trailing slash.
      response.writeHead(302, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    return serveUiResource(core, response, ui[1], ui[2]);
  }
  response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
}

/** The emulator's own page: the app's modules, storage, queues, invocations and logs (`?format=json` as data). */
function serveOverview(core: EmulatorCore, response: ServerResponse, url: URL): void {
  const invocationId = url.searchParams.get('invocation') ?? undefined;
  const overview = buildOverview(core, { invocationId });
  const json = url.searchParams.get('format') === 'json';
  response
    .writeHead(200, {
      'content-type': json ? 'application/json; charset=utf-8' : 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      // Nothing on the page runs script or loads from elsewhere; say so, in case a value slips through.
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'",
    })
    .end(json ? JSON.stringify(overview, null, 2) : renderOverviewPage(overview));
}

/** Starts the emulator's HTTP server: web triggers, the resolver endpoint, Custom UI resources and scripts. */
export async function startHttpServer(core: EmulatorCore, port: number, host: string): Promise<Server> {
  const server = createServer((request, response) => {
    route(core, request, response).catch((error: unknown) => {
      core.warn(`HTTP ${request.method} ${request.url} failed: ${String(error)}`);
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end('Internal Server Error');
    });
  });
  // Clients share this process's event loop: while it is busy their timers run late, and a
  // keep-alive socket the server closed after Node's 5 s default was reused and reset
  // (ECONNRESET). Idle sockets stay open until the client closes them (0: no server timeout);
  // stopHttpServer closes them all.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  core.url = `http://${host}:${address.port}`;
  return server;
}

/** Closes the server and every connection still open (keep-alive clients included). */
export async function stopHttpServer(server: Server): Promise<void> {
  await new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
