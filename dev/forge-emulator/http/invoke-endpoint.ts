import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorCore } from '../core/emulator-core';
import type { ResolverCall } from '../emulator-contract';
import { invokeResolver } from '../resolver/resolver-invoker';
import { PayloadTooLargeError, readBody } from './read-body';

/** `invoke` sends at most 500 KB (PLATFORM-FACTS "Runtime"). */
const MAX_REQUEST_BYTES = 500 * 1024;

function answer(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * `POST /__forge/invoke` with `{ moduleKey, accountId, functionKey, payload, extension }`: what the host
 * page calls for the iframe's `invoke`. Answers `{ ok: true, result }` or `{ ok: false, message }`.
 */
export async function handleInvoke(
  core: EmulatorCore,
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  let call: ResolverCall;
  try {
    call = JSON.parse((await readBody(request, MAX_REQUEST_BYTES)).toString('utf8')) as ResolverCall;
  } catch (error) {
    const tooLarge = error instanceof PayloadTooLargeError;
    answer(response, tooLarge ? 413 : 400, {
      ok: false,
      message: tooLarge ? 'The invoke payload is over 500 KB' : 'Invalid JSON',
    });
    return;
  }
  if (!call || typeof call.moduleKey !== 'string' || typeof call.functionKey !== 'string') {
    answer(response, 400, { ok: false, message: 'moduleKey and functionKey are required' });
    return;
  }
  try {
    answer(response, 200, { ok: true, result: await invokeResolver(core, call) });
  } catch (error) {
    answer(response, 200, { ok: false, message: messageOf(error) });
  }
}
