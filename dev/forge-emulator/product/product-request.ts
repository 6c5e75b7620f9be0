import type { EmulatorCore } from '../core/emulator-core';
import type { InvocationState } from '../runtime/invocation-context';
import { jsonResponse, proxyErrorResponse } from '../runtime/platform-responses';
import { scopesFor } from './product-scopes';

/** The descriptor `@forge/api` passes to `__forge_fetch__` for product requests (fetch.js __fetchProduct). */
export interface ProductDescriptor {
  type: string;
  provider?: string;
  remote?: string;
  accountId?: string;
}

/**
 * Who the request runs as: `app`, or `user:<accountId>`; or the platform's refusal. `asUser()`
 * acts as the invocation's user with any declared scope. `asUser(accountId)` sends the proxy an
 * `accountId`, which is user impersonation whoever the account is (forge.2.postman.md, "Forge
 * Proxy Authorization header"), so the request's scope needs `allowImpersonation: true`
 * (manifest-reference/permissions; security, "User impersonation"). A request whose operation
 * needs a scope the manifest lacks gets Confluence's own 401.
 */
function principalOf(
  core: EmulatorCore,
  invocation: InvocationState | undefined,
  descriptor: ProductDescriptor,
  method: string,
  path: string,
): string | Response {
  const needed = scopesFor(method, path);
  const declared = needed ? core.manifest.scopes.filter((scope) => needed.includes(scope.name)) : [];
  if (needed && declared.length === 0) {
    core.warn(
      `${method} ${path} needs the scope ${needed.join(' or ')}, which manifest.yml does not declare`,
    );
    return jsonResponse(401, { code: 401, message: 'Unauthorized; scope does not match' });
  }
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
  const impersonating = descriptor.accountId !== undefined;
  const allowed = needed
    ? declared.some((scope) => scope.allowImpersonation)
    : core.manifest.scopes.some((scope) => scope.allowImpersonation);
  if (impersonating && !allowed) {
    const scopes = needed ? needed.join(' or ') : 'the scopes';
    core.warn(
      `asUser('${accountId}') is offline impersonation (use asUser() without an id to act as the invocation's own user); ` +
        `declare ${scopes} in map form with allowImpersonation: true in manifest.yml (PLATFORM-FACTS "Offline impersonation")`,
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
  const principal = principalOf(core, invocation, descriptor, init?.method ?? 'GET', path);
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
