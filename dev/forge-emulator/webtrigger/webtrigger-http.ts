import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorCore } from '../core/emulator-core';
import { PayloadTooLargeError, readBody } from '../http/read-body';
import { appendLog } from '../runtime/log-sink';
import { mapWebTriggerResponse } from './webtrigger-response';

/** Web triggers get 55 s; requests are capped like invocation payloads, 5 MB (PLATFORM-FACTS "Runtime"). */
const WEBTRIGGER_TIMEOUT_MS = 55_000;
const MAX_BODY_BYTES = 5 * 1024 * 1024;

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' }).end(text);
}

function queryParameters(url: URL): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const name of new Set(url.searchParams.keys())) result[name] = url.searchParams.getAll(name);
  return result;
}

/**
 * Serves `/x1/<id>[/<userPath>]`: builds Forge's web trigger request
 * `{ method, path, userPath, headers: { name: [values] }, queryParameters, body, context }`
 * (events-reference/web-trigger "Request"; `userPath` is "" without extra segments), runs the function
 * and maps its answer to HTTP. A throw, a timeout or an invalid answer gives 500.
 */
export async function handleWebTriggerHttp(
  core: EmulatorCore,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
  id: string,
  userPath: string,
): Promise<void> {
  const key = core.webTriggers.keyFor(id);
  const module = key === undefined ? undefined : core.manifest.webTriggers.get(key);
  if (!module) return sendText(response, 404, 'Web trigger not found');
  let body: Buffer;
  try {
    body = await readBody(request, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof PayloadTooLargeError) return sendText(response, 413, 'Payload too large');
    throw error;
  }
  const context = {
    cloudId: core.options.cloudId,
    moduleKey: module.key,
    installContext: core.identity.contextAri,
  };
  const forgeRequest = {
    method: request.method ?? 'GET',
    path: url.pathname,
    userPath,
    headers: request.headersDistinct as Record<string, string[]>,
    queryParameters: queryParameters(url),
    body: body.toString('utf8'),
    context,
  };
  const outcome = await core.runner.run({
    functionKey: module.functionKey,
    moduleKey: module.key,
    kind: 'webtrigger',
    timeoutMs: WEBTRIGGER_TIMEOUT_MS,
    args: [forgeRequest, context],
  });
  if (!outcome.ok) return sendText(response, 500, 'Internal Server Error');
  const answer = mapWebTriggerResponse(module, outcome.value);
  if (typeof answer === 'string') {
    const source = { functionKey: module.functionKey, invocationId: outcome.invocationId };
    appendLog(core, source, 'warn', `[forge-emulator] invalid web trigger response: ${answer}`);
    return sendText(response, 500, 'Internal Server Error');
  }
  response.writeHead(answer.status, answer.headers).end(answer.body);
}
