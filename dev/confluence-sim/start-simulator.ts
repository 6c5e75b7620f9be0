import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ActionContext } from './actions/action-context';
import { addComment } from './actions/add-comment';
import { addLabel } from './actions/add-label';
import { createContent } from './actions/create-content';
import { editComment } from './actions/edit-comment';
import { editContent } from './actions/edit-content';
import { restrictContent } from './actions/restrict-content';
import { setContentWatch, setSpaceWatch } from './actions/set-watch';
import { createRestDispatcher } from './rest/rest-dispatcher';
import type { ConfluenceSimulator, ConfluenceSimulatorOptions } from './simulator-options';
import { ConfluenceSite } from './site/confluence-site';
import type { ContentRecord } from './site/content-record';
import { principalForAccount } from './site/principal';
import { seedSiteState } from './site/seed-content';
import { SimulatorError } from './site/simulator-error';
import { StateStore } from './site/state-store';
import { createWebDispatcher } from './web/web-dispatcher';

const isApiPath = (path: string): boolean => path.startsWith('/wiki/rest/') || path.startsWith('/wiki/api/');

/** Starts the simulator: loads (or seeds) the site and listens on `host:port`. */
export async function startConfluenceSimulator(
  options: ConfluenceSimulatorOptions,
): Promise<ConfluenceSimulator> {
  const host = options.host ?? '127.0.0.1';
  const store = new StateStore(options.dataDir);
  const saved = store.load(options.reset ?? false);
  const live: ConfluenceSite = new ConfluenceSite(saved ?? seedSiteState(), {
    clock: options.clock ?? Date.now,
    emitEvent: options.emitEvent,
    changed: () => store.schedule(() => live.snapshot()),
  });
  // A fresh seed is written at once, so the data directory always holds the site it runs.
  if (!saved) store.schedule(() => live.snapshot());

  let url = '';
  const rest = createRestDispatcher(live, () => `${url}/wiki`);
  const web = createWebDispatcher(live, {
    ...(options.forge ? { forge: options.forge } : {}),
    ...(options.teamsViewUrl ? { teamsViewUrl: options.teamsViewUrl } : {}),
  });
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const parsed = new URL(req.url ?? '/', 'http://localhost');
    (isApiPath(parsed.pathname) ? rest : web)(req, res, parsed).catch((error: unknown) => {
      console.error('Confluence simulator: request failed', error);
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  // As the emulator's: a busy event loop must not reuse a keep-alive socket the server closed.
  server.keepAliveTimeout = 0;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;

  const as = (accountId: string): ActionContext => {
    const principal = principalForAccount(accountId);
    if (!principal) throw new SimulatorError(401, `Unknown accountId ${accountId}.`);
    return { site: live, principal, origin: 'product' };
  };
  // Callers get copies, so a test cannot change the site by mutating a returned record.
  const copy = (record: ContentRecord): ContentRecord => structuredClone(record);
  let stopped: Promise<void> | undefined;

  return {
    url,
    events: live.events,
    stop() {
      stopped ??= (async () => {
        await new Promise<void>((resolve) => {
          server.close(() => resolve());
          server.closeAllConnections();
        });
        await store.flush();
      })();
      return stopped;
    },
    createPage: async (accountId, input) => copy(await createContent(as(accountId), input)),
    editPage: async (accountId, contentId, input) => copy(await editContent(as(accountId), contentId, input)),
    addComment: async (accountId, contentId, input) =>
      copy(await addComment(as(accountId), contentId, input)),
    editComment: async (accountId, commentId, input) =>
      copy(await editComment(as(accountId), commentId, input)),
    addLabel: (accountId, contentId, label) => addLabel(as(accountId), contentId, label),
    restrictContent: (accountId, contentId, restrictions) =>
      Promise.resolve().then(() => restrictContent(as(accountId), contentId, restrictions)),
    watchContent: (accountId, contentId, watching = true) =>
      Promise.resolve().then(() => setContentWatch(as(accountId), contentId, watching)),
    watchSpace: (accountId, spaceKey, watching = true) =>
      Promise.resolve().then(() => setSpaceWatch(as(accountId), spaceKey, watching)),
    findContent(title) {
      const found = live.allContent().find((c) => c.type !== 'comment' && c.title === title);
      if (!found) throw new Error(`The Confluence simulator has no page or blog post titled "${title}".`);
      return copy(found);
    },
  };
}
