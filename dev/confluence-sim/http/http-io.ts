import type { IncomingMessage, ServerResponse } from 'node:http';
import { SimulatorError } from '../site/simulator-error';

/** Bodies above this are refused; nothing the app sends to Confluence comes close. */
const MAX_BODY_BYTES = 5 * 1024 * 1024;

export async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new SimulatorError(400, 'Request body too large.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** A JSON body, `undefined` when empty; malformed JSON is a 400 as in Confluence. */
export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req);
  if (!text.trim()) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SimulatorError(400, 'Request body is not valid JSON.');
  }
}

/** An `application/x-www-form-urlencoded` body, as HTML forms post it. */
export async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams(await readBody(req));
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json;charset=UTF-8',
    'content-length': Buffer.byteLength(text),
  });
  res.end(text);
}

/** Extra response headers; a list for a header sent more than once (`set-cookie`). */
export type HeaderValues = Record<string, string | string[]>;

export function sendHtml(
  res: ServerResponse,
  status: number,
  html: string,
  headers: HeaderValues = {},
): void {
  res.writeHead(status, {
    'content-type': 'text/html; charset=utf-8',
    'content-length': Buffer.byteLength(html),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(html);
}

/** 303 so that a browser follows a form POST with a GET (post/redirect/get). */
export function redirect(res: ServerResponse, location: string, headers: HeaderValues = {}): void {
  res.writeHead(303, { location, 'content-length': 0, ...headers });
  res.end();
}
