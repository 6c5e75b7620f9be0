import type { EmulatorCore } from '../core/emulator-core';
import { handleKvsRequest } from '../kvs/kvs-service';
import { forwardProductRequest, type ProductDescriptor } from '../product/product-request';
import { handleQueueRequest } from '../queue/queue-service';
import { handleWebTriggerGraphql } from '../webtrigger/webtrigger-graphql';
import type { InvocationState } from './invocation-context';
import { jsonResponse, proxyErrorResponse } from './platform-responses';

/**
 * Routes a `__forge_fetch__(descriptor, path, init)` call to the emulated platform service:
 * `kvs` (either descriptor @forge/kvs picks at import), product requests (`fpp` + product remote), and the
 * Atlassian gateway (`fpp` + `stargate`: web trigger GraphQL and the async events queue).
 */
export async function routeForgeFetch(
  core: EmulatorCore,
  invocation: InvocationState | undefined,
  descriptor: ProductDescriptor,
  path: string,
  init: RequestInit | undefined,
): Promise<Response> {
  if (descriptor.type === 'kvs') return handleKvsRequest(core, path, init);
  if (descriptor.type !== 'fpp') {
    return proxyErrorResponse(400, descriptor.type === 'fcc' ? 'INVALID_SERVICE_KEY' : 'INVALID_REMOTE');
  }
  if (descriptor.remote === 'confluence')
    return forwardProductRequest(core, invocation, descriptor, path, init);
  if (descriptor.remote === 'stargate') {
    if (path === '/graphql') return handleWebTriggerGraphql(core, init);
    if (path.startsWith('/webhook/queue/')) return handleQueueRequest(core, path, init);
    return jsonResponse(404, { message: `The Forge emulator does not serve ${path}` });
  }
  // A Confluence app may not call Jira or Bitbucket (RequestProductNotAllowedError in errors.js).
  return proxyErrorResponse(403, 'REQUEST_PRODUCT_NOT_ALLOWED');
}
