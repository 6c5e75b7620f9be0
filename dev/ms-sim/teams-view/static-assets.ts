import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import path from 'node:path';
import { sendText } from '../http/respond';

/**
 * The browser files the Teams-like page loads: the official Adaptive Cards renderer, markdown-it's
 * browser build (markdown-it 15 ships it as `dist/browser/markdown-it.umd.min.js`) and the page's own script and styles.
 */
const ASSETS: Record<string, { file: () => string; type: string }> = {
  'adaptivecards.min.js': {
    file: () =>
      path.join(path.dirname(require.resolve('adaptivecards')), '..', 'dist', 'adaptivecards.min.js'),
    type: 'text/javascript',
  },
  'markdown-it.min.js': {
    file: () => path.join(path.dirname(require.resolve('markdown-it')), 'browser', 'markdown-it.umd.min.js'),
    type: 'text/javascript',
  },
  'teams-message-view.js': {
    file: () => path.join(__dirname, '..', 'public', 'teams-message-view.js'),
    type: 'text/javascript',
  },
  'teams-view.js': {
    file: () => path.join(__dirname, '..', 'public', 'teams-view.js'),
    type: 'text/javascript',
  },
  'teams-view.css': { file: () => path.join(__dirname, '..', 'public', 'teams-view.css'), type: 'text/css' },
};

const cache = new Map<string, Buffer>();

export async function serveStaticAsset(res: ServerResponse, name: string): Promise<void> {
  const asset = ASSETS[name];
  if (!asset) return sendText(res, 404, `No asset ${name}.`);
  let content = cache.get(name);
  if (!content) {
    content = await readFile(asset.file());
    cache.set(name, content);
  }
  res.writeHead(200, {
    'Content-Type': `${asset.type}; charset=utf-8`,
    'Cache-Control': 'no-cache',
    'X-Content-Type-Options': 'nosniff',
  });
  res.end(content);
}
