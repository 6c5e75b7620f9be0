import type { EmulatorCore } from '../core/emulator-core';
import { bodyText, jsonResponse } from '../runtime/platform-responses';

interface GraphqlRequest {
  query?: string;
  variables?: { input?: { triggerKey?: string }; id?: string };
}

const failure = (message: string) => jsonResponse(200, { data: null, errors: [{ message }] });

/**
 * Answers the GraphQL operations `webTrigger.getUrl/deleteUrl/queryUrls` send through
 * `__requestAtlassianAsApp('/graphql')` (webTrigger.js).
 */
export function handleWebTriggerGraphql(core: EmulatorCore, init: RequestInit | undefined): Response {
  let request: GraphqlRequest;
  try {
    request = JSON.parse(bodyText(init) || '{}') as GraphqlRequest;
  } catch {
    return jsonResponse(400, { errors: [{ message: 'The request body is not JSON' }] });
  }
  const query = request.query ?? '';
  const registry = core.webTriggers;
  if (query.includes('createWebTriggerUrl')) {
    const key = request.variables?.input?.triggerKey ?? '';
    if (!core.manifest.webTriggers.has(key)) return failure(`No webtrigger module '${key}' in manifest.yml`);
    return jsonResponse(200, { data: { createWebTriggerUrl: { url: registry.urlFor(key) } } });
  }
  if (query.includes('deleteWebTriggerUrl')) {
    const success = registry.delete(request.variables?.id ?? '');
    return jsonResponse(200, {
      data: { deleteWebTriggerUrl: { success, message: success ? null : 'Web trigger URL not found' } },
    });
  }
  if (query.includes('webTriggerUrlsByAppContext')) {
    return jsonResponse(200, { data: { webTriggerUrlsByAppContext: registry.list() } });
  }
  return failure('The Forge emulator does not support this GraphQL operation');
}
