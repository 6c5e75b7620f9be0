import { readFile, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import type { EmulatorCore } from '../core/emulator-core';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

const BRIDGE_TAG = '<script src="/__forge/bridge-child.js"></script>';

/** `@forge/bridge` reads `globalThis.__bridge` when it is imported, so the shim must run before any app script. */
export function injectBridge(html: string): string {
  const head = /<head[^>]*>/i.exec(html);
  if (head)
    return html.slice(0, head.index + head[0].length) + BRIDGE_TAG + html.slice(head.index + head[0].length);
  return BRIDGE_TAG + html;
}

async function fileIn(root: string, relative: string): Promise<string | undefined> {
  const candidate = resolve(root, `.${sep}${decodeURIComponent(relative)}`);
  if (candidate !== root && !candidate.startsWith(root + sep)) return undefined; // no way out of the resource
  try {
    const info = await stat(candidate);
    if (info.isDirectory()) return fileIn(candidate, 'index.html');
    return info.isFile() ? candidate : undefined;
  } catch {
    return undefined;
  }
}

/** Serves `/__forge/ui/<resourceKey>/<path>` from the resource folder named in the manifest. */
export async function serveUiResource(
  core: EmulatorCore,
  response: ServerResponse,
  resourceKey: string,
  relative: string,
): Promise<void> {
  const folder = core.manifest.resources.get(resourceKey);
  const file =
    folder === undefined
      ? undefined
      : await fileIn(resolve(core.options.appDir, folder), relative || 'index.html');
  if (!file) {
    response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    return;
  }
  const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
  const content = await readFile(file);
  const body = type.startsWith('text/html') ? Buffer.from(injectBridge(content.toString('utf8'))) : content;
  response.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' }).end(body);
}

/** Reads one of the emulator's own browser scripts (dev/forge-emulator/browser). */
export function browserScript(name: 'bridge-child.js' | 'host.js'): Promise<string> {
  return readFile(join(__dirname, '..', 'browser', name), 'utf8');
}
