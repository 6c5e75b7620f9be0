import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { sendText } from '../http/respond';
import { hostConfigScript } from './teams-host-config';

/**
 * The browser files the Teams-like page loads: the official Adaptive Cards renderer, Teams' host
 * configs and card styles, markdown-it's browser build (markdown-it 15 ships it as
 * `dist/browser/markdown-it.umd.min.js`) and the page's own script and styles.
 */
const file = (where: () => string) => () => readFile(where());
const ASSETS: Record<string, { load: () => Promise<Buffer | string>; type: string }> = {
  'adaptivecards.min.js': {
    load: file(() =>
      path.join(path.dirname(require.resolve('adaptivecards')), '..', 'dist', 'adaptivecards.min.js'),
    ),
    type: 'text/javascript',
  },
  'teams-host-config.js': { load: () => Promise.resolve(hostConfigScript()), type: 'text/javascript' },
  'teams-card.css': { load: file(() => path.join(__dirname, 'teams-card.css')), type: 'text/css' },
  'markdown-it.min.js': {
    load: file(() =>
      path.join(path.dirname(require.resolve('markdown-it')), 'browser', 'markdown-it.umd.min.js'),
    ),
    type: 'text/javascript',
  },
  'teams-message-view.js': {
    load: file(() => path.join(__dirname, '..', 'public', 'teams-message-view.js')),
    type: 'text/javascript',
  },
  'teams-bot-chat.js': {
    load: file(() => path.join(__dirname, '..', 'public', 'teams-bot-chat.js')),
    type: 'text/javascript',
  },
  'teams-app-api.js': {
    load: file(() => path.join(__dirname, '..', 'public', 'teams-app-api.js')),
    type: 'text/javascript',
  },
  'teams-compose.js': {
    load: file(() => path.join(__dirname, '..', 'public', 'teams-compose.js')),
    type: 'text/javascript',
  },
  'teams-message-actions.js': {
    load: file(() => path.join(__dirname, '..', 'public', 'teams-message-actions.js')),
    type: 'text/javascript',
  },
  'teams-view.js': {
    load: file(() => path.join(__dirname, '..', 'public', 'teams-view.js')),
    type: 'text/javascript',
  },
  'teams-app.css': {
    load: file(() => path.join(__dirname, '..', 'public', 'teams-app.css')),
    type: 'text/css',
  },
  'teams-view.css': {
    load: file(() => path.join(__dirname, '..', 'public', 'teams-view.css')),
    type: 'text/css',
  },
};

const cache = new Map<string, Buffer | string>();

export async function serveStaticAsset(res: ServerResponse, name: string): Promise<void> {
  const asset = ASSETS[name];
  if (!asset) return sendText(res, 404, `No asset ${name}.`);
  let content = cache.get(name);
  if (content === undefined) {
    content = await asset.load();
    cache.set(name, content);
  }
  res.writeHead(200, {
    'Content-Type': `${asset.type}; charset=utf-8`,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(content);
}
