import { ExternalEndpointNotAllowedError } from '@forge/api/out/api/errors';
import type { EmulatorCore } from '../core/emulator-core';
import { currentInvocation } from '../runtime/invocation-context';
import { isEgressAllowed } from './egress-allowlist';

const PATCH = Symbol.for('forge-emulator.egress-fetch');

type PatchedGlobal = typeof globalThis & { [PATCH]?: { original: typeof fetch } };
type FetchInput = Parameters<typeof fetch>[0];
type HeadersInput = ConstructorParameters<typeof Headers>[0];

function urlOf(input: FetchInput): string {
  if (typeof input === 'string') return input;
  return input instanceof URL ? input.href : input.url;
}

function withoutHost(headers: HeadersInput): Headers {
  const result = new Headers(headers);
  result.delete('host'); // the local server's Host comes from the rewritten URL
  return result;
}

/** Sends an app's request to the local stand-in of an allowed origin, keeping method, headers, body, path and query. */
async function routed(original: typeof fetch, target: string, input: FetchInput, init?: RequestInit) {
  if (typeof input === 'object' && !(input instanceof URL)) {
    const request = init ? new Request(input, init) : input;
    const body = request.body ? await request.arrayBuffer() : undefined;
    return original(target, {
      method: request.method,
      headers: withoutHost(request.headers),
      body,
      redirect: request.redirect,
      signal: request.signal,
    });
  }
  return original(target, { ...init, headers: withoutHost(init?.headers) });
}

async function egressFetch(
  core: EmulatorCore,
  original: typeof fetch,
  input: FetchInput,
  init?: RequestInit,
) {
  const url = new URL(urlOf(input));
  if (!isEgressAllowed(core.manifest.egressBackend, url)) {
    // The same refusal @forge/api raises for a host missing from the egress permissions.
    throw new ExternalEndpointNotAllowedError(url.href);
  }
  const base = core.options.egressRoutes[url.origin];
  if (!base) return original(input, init);
  return routed(original, base.replace(/\/$/, '') + url.pathname + url.search, input, init);
}

/**
 * Patches `globalThis.fetch` once. Inside an invocation, hosts not in `permissions.external.fetch.backend`
 * are refused and origins in `egressRoutes` are rewritten to their local stand-in; outside invocations
 * fetch behaves as before. Returns the unpatched fetch, which the emulated platform itself uses.
 */
export function installEgressFetch(): typeof fetch {
  const target = globalThis as PatchedGlobal;
  const existing = target[PATCH];
  if (existing) return existing.original;
  const original = target.fetch;
  target.fetch = async function fetchWithForgeEgress(input: FetchInput, init?: RequestInit) {
    const invocation = currentInvocation();
    if (!invocation) return original(input, init);
    return egressFetch(invocation.core, original, input, init);
  };
  target[PATCH] = { original };
  return original;
}
