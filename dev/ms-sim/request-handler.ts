import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { handleConnector } from './connector/bot-connector';
import { handleBotFrameworkLogin } from './bot-framework/openid-routes';
import { handleSimControl } from './control/sim-control';
import { handleEntra } from './entra/entra-router';
import { handleGraph } from './graph/graph-http';
import { sendHtml, sendJson, sendText } from './http/respond';
import { indexPage } from './index-page';
import type { ChannelSigningKeys } from './bot-framework/signing-keys';
import type { RequestRecorder } from './recorder/request-recorder';
import type { SimContext } from './sim-context';
import { handleTeamsView } from './teams-view/teams-view-router';

/** Bodies above this are refused before any handler runs; Graph's own 28 KB rule is checked later. */
const MAX_BODY_BYTES = 4 * 1024 * 1024;

/** What the HTTP entry point needs besides the shared context. */
export interface RequestHandlerDeps {
  ctx: SimContext;
  /** The Bot Framework's signing keys (OpenID metadata and JWKS). */
  botKeys: ChannelSigningKeys;
  recorder: RequestRecorder;
  reset: () => void;
  baseUrl: () => string;
}

/** Reads the body, records the exchange when it ends (answered or dropped), and routes by prefix. */
export function createRequestHandler(deps: RequestHandlerDeps): RequestListener {
  return (req, res) => {
    void handle(deps, req, res);
  };
}

async function handle(deps: RequestHandlerDeps, req: IncomingMessage, res: ServerResponse): Promise<void> {
  let rawBody = '';
  let recorded = false;
  const record = () => {
    if (recorded) return;
    recorded = true;
    deps.recorder.record(req, rawBody, res.writableFinished ? res.statusCode : null);
  };
  res.on('finish', record);
  res.on('close', record);
  try {
    rawBody = await readBody(req);
    await route(deps, req, res, rawBody);
  } catch (e) {
    if (e instanceof BodyTooLargeError) return sendText(res, 413, e.message);
    if (!res.headersSent) sendJson(res, 500, { error: 'The simulator failed.', detail: String(e) });
    else res.destroy();
  }
}

async function route(
  deps: RequestHandlerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  rawBody: string,
): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://simulator.invalid');
  const path = url.pathname;
  const { ctx } = deps;
  if (path.startsWith('/login/'))
    return handleEntra(ctx, req, res, url, path.slice('/login'.length), rawBody);
  if (path.startsWith('/graph/'))
    return handleGraph(ctx, req, res, url, path.slice('/graph'.length), rawBody);
  if (path.startsWith('/botframework/'))
    return handleBotFrameworkLogin(
      deps.botKeys,
      res,
      req.method ?? 'GET',
      path.slice('/botframework'.length),
    );
  if (path.startsWith('/connector/'))
    return handleConnector(ctx, req, res, path.slice('/connector'.length), rawBody);
  if (path === '/teams' || path.startsWith('/teams/')) return handleTeamsView(res, req.method ?? 'GET', path);
  if (path.startsWith('/_sim/'))
    return handleSimControl(ctx, deps.reset, req, res, path.slice('/_sim/'.length), rawBody);
  if (path === '/' && req.method === 'GET') return sendHtml(res, 200, indexPage(deps.baseUrl()));
  return sendText(res, 404, `The Microsoft simulator serves /login, /graph, /teams and /_sim; not ${path}.`);
}

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > MAX_BODY_BYTES)
      throw new BodyTooLargeError(`Request bodies are limited to ${MAX_BODY_BYTES} bytes.`);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
