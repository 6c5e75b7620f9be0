import type { EmulatorCore } from '../core/emulator-core';
import type { InvocationState } from '../runtime/invocation-context';
import { proxyErrorResponse } from '../runtime/platform-responses';

/** The descriptor `@forge/api` passes to `__forge_fetch__` for product requests (fetch.js __fetchProduct). */
export interface ProductDescriptor {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

/** Who the request runs as: `app`, or `user:<accountId>`; or the proxy's refusal. */
function principalOf(
  core: EmulatorCore,
  invocation: InvocationState | undefined,
  descriptor: ProductDescriptor,
): string | Response {
  if (descriptor.provider !== 'user') return 'app';
  const accountId = descriptor.accountId ?? invocation?.accountId;
  if (!accountId) {
    // asUser() needs a user: triggers, consumers and web triggers have none (manifest-reference/modules/web-trigger).
    return proxyErrorResponse(
      401,
      'NEEDS_AUTHENTICATION_ERR',
      'asUser() needs a user; this invocation has none',
    );
  }
  const impersonating = descriptor.accountId !== undefined && descriptor.accountId !== invocation?.accountId;
  if (impersonating && !core.manifest.scopes.some((scope) => scope.allowImpersonation)) {
    core.warn(
      `asUser('${accountId}') outside that user's own invocation is offline impersonation; declare the scopes in map form ` +
        'with allowImpersonation: true in manifest.yml (PLATFORM-FACTS "Offline impersonation")',
    );
    return proxyErrorResponse(403, 'IMPERSONATION_NOT_ALLOWED');
  }
  return `user:${accountId}`;
}

function forwardedHeaders(init: RequestInit | undefined, principal: string): Headers {
  const headers = new Headers(init?.headers);
  headers.delete('host');
  headers.set('X-Sandbox-Principal', principal);
  return headers;
}

/**
 * Forwards `requestConfluence` to the Confluence simulator with the principal in `X-Sandbox-Principal`,
 * method, headers and body preserved; the simulator's answer goes back to the SDK unchanged.
 */
export async function forwardProductRequest(
  core: EmulatorCore,
  invocation: InvocationState | undefined,
  descriptor: ProductDescriptor,
  path: string,
  init: RequestInit | undefined,
): Promise<Response> {
  const principal = principalOf(core, invocation, descriptor);
  if (principal instanceof Response) return principal;
  const target = core.options.productBaseUrls.confluence.replace(/\/$/, '') + path;
  const body = init?.body ?? undefined;
  const streaming =
    body !== undefined && body !== null && typeof (body as ReadableStream).getReader === 'function';
  return core.platformFetch(target, {
    method: init?.method ?? 'GET',
    headers: forwardedHeaders(init, principal),
    body,
    redirect: init?.redirect,
    ...(streaming ? { duplex: 'half' } : {}),
  });
}
