import { currentInvocation } from '../dev/forge-emulator/runtime/invocation-context';
import { MICROSOFT_ORIGINS } from '../dev/seed';

/**
 * Attributes the platform calls the Forge SDKs make (`global.__forge_fetch__`) to the function
 * that made them: KVS operations by kind, queue pushes, Confluence requests, and the time spent
 * inside the emulated platform. The emulator's own stats count KVS operations for the whole
 * installation; the bench needs them per function (trigger, consumer, bare trigger).
 */

export interface FunctionMeter {
  kvsOps: Record<string, number>;
  /** KVS operations by kind and what they touched, e.g. `batchGet delivery+rule` (`kvsTargets`). */
  kvsByTarget: Record<string, number>;
  /** Wall time inside KVS calls (the emulator answers in-process). */
  kvsMs: number;
  pushes: number;
  eventsPushed: number;
  pushMs: number;
  productRequests: number;
  productMs: number;
  /** Wall time inside every platform call (KVS, queue, Confluence). */
  platformMs: number;
}

type ForgeFetch = (
  descriptor: { type: string; remote?: string },
  path: string,
  init?: RequestInit,
) => Promise<Response>;
type WithForgeFetch = typeof globalThis & { __forge_fetch__?: ForgeFetch };

/** The storage paths of @forge/kvs, named like the emulator's stats. */
const KVS_KIND: Record<string, string> = {
  '/api/v1/get': 'get',
  '/api/v1/entity/get': 'get',
  '/api/v1/set': 'set',
  '/api/v1/entity/set': 'set',
  '/api/v1/delete': 'delete',
  '/api/v1/entity/delete': 'delete',
  '/api/v1/query': 'query',
  '/api/v1/entity/query': 'query',
  '/api/v1/batch/set': 'batchSet',
  '/api/v1/batch/get': 'batchGet',
  '/api/v1/batch/delete': 'batchDelete',
  '/api/v1/transaction': 'transact',
  '/api/v1/secret/get': 'secretGet',
  '/api/v1/secret/set': 'secretSet',
  '/api/v1/secret/delete': 'secretDelete',
};

const empty = (): FunctionMeter => ({
  kvsOps: {},
  kvsByTarget: {},
  kvsMs: 0,
  pushes: 0,
  eventsPushed: 0,
  pushMs: 0,
  productRequests: 0,
  productMs: 0,
  platformMs: 0,
});

const eventsIn = (init?: RequestInit): number => {
  try {
    const body = JSON.parse(typeof init?.body === 'string' ? init.body : '{}') as { payload?: unknown[] };
    return Array.isArray(body.payload) ? body.payload.length : 0;
  } catch {
    return 0;
  }
};

/** Every `{ key, entityName? }` in a KVS request body, however deep (batches, transactions). */
const keysIn = (value: unknown, found: Array<{ key: string; entityName?: unknown }> = []) => {
  if (Array.isArray(value)) for (const item of value) keysIn(item, found);
  else if (value && typeof value === 'object') {
    const { key, entityName } = value as { key?: unknown; entityName?: unknown };
    if (typeof key === 'string') found.push({ key, entityName });
    else for (const inner of Object.values(value)) keysIn(inner, found);
  }
  return found;
};

/**
 * What a KVS request touched, named without the parts that identify one record: an entity by
 * its name, a plain key or a secret by its prefix (`dest-activity`, `ms-token`), a query by what
 * it queries; several, as in a batch, joined with `+`. Reviewers see which reads a change saved.
 */
export const kvsTargets = (path: string, init?: RequestInit): string => {
  let body: unknown;
  try {
    body = JSON.parse(typeof init?.body === 'string' ? init.body : 'null');
  } catch {
    return '?';
  }
  const { entityName } = (body ?? {}) as { entityName?: unknown };
  if (path.endsWith('/query')) return typeof entityName === 'string' ? entityName : 'keys';
  const names = keysIn(body).map(({ key, entityName: entity }) =>
    typeof entity === 'string' ? entity : (key.split(':')[0] ?? key),
  );
  return [...new Set(names)].sort().join('+') || '?';
};

/** What a remote call was, for the latency model (bench/cost-model.ts). */
export type RemoteKind = 'kvs' | 'queue' | 'confluence' | 'graph' | 'connector' | 'login' | 'other';

/** One wait on the platform or a remote service: the kinds of the calls that overlapped in it. */
export type Wait = RemoteKind[];

const EGRESS_KIND: Array<[string, RemoteKind]> = [
  [MICROSOFT_ORIGINS.graph, 'graph'],
  [MICROSOFT_ORIGINS.connector, 'connector'],
  [MICROSOFT_ORIGINS.login, 'login'],
  [MICROSOFT_ORIGINS.botFrameworkLogin, 'login'],
];

const egressKind = (input: unknown): RemoteKind => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : (input as Request).url;
  return EGRESS_KIND.find(([origin]) => url.startsWith(origin))?.[1] ?? 'other';
};

export interface PlatformMeter {
  byFunction(): Record<string, FunctionMeter>;
  /**
   * Per invocation id: time the emulated platform spent answering synchronously. The emulator
   * answers KVS and queue calls in-process before the SDK's promise is returned, so this is its
   * own work (an unindexed scan for a KVS query), which Forge's services do elsewhere.
   */
  syncMsByInvocation(): Map<string, number>;
  /**
   * Per invocation id: how many times it waited on the platform one after the other (calls
   * started while another is in flight share a wait). On Forge each wait is a network round trip.
   */
  waitsByInvocation(): Map<string, number>;
  /**
   * Per invocation id: each wait one after the other, with the kinds of calls in it (platform
   * calls and the app's own fetches to Microsoft), and the wall time spent waiting at all.
   */
  remoteByInvocation(): Map<string, { waits: Wait[]; waitingMs: number }>;
  reset(): void;
  uninstall(): void;
}

/** Wraps the hook the emulator installed; install after the emulator has started. */
export const installPlatformMeter = (): PlatformMeter => {
  const target = globalThis as WithForgeFetch;
  const original = target.__forge_fetch__;
  if (!original) throw new Error('Start the Forge emulator before the platform meter');
  let meters: Record<string, FunctionMeter> = {};
  let sync = new Map<string, number>();
  let waits = new Map<string, number>();
  let remote = new Map<string, { waits: Wait[]; waitingMs: number; since: number }>();
  const inFlight = new Map<string, number>();
  /** Marks a call of `kind` in flight for invocation `id`; returns what ends it. */
  const enter = (id: string, kind: RemoteKind) => {
    const now = performance.now();
    const state = remote.get(id) ?? { waits: [], waitingMs: 0, since: now };
    remote.set(id, state);
    if ((inFlight.get(id) ?? 0) === 0) {
      waits.set(id, (waits.get(id) ?? 0) + 1);
      state.waits.push([]);
      state.since = now;
    }
    state.waits.at(-1)?.push(kind);
    inFlight.set(id, (inFlight.get(id) ?? 0) + 1);
    return () => {
      inFlight.set(id, (inFlight.get(id) ?? 1) - 1);
      if (inFlight.get(id) === 0) state.waitingMs += performance.now() - state.since;
    };
  };
  const originalFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const invocation = currentInvocation();
    if (!invocation) return originalFetch(input, init);
    const leave = enter(invocation.invocationId, egressKind(input));
    try {
      return await originalFetch(input, init);
    } finally {
      leave();
    }
  };
  target.__forge_fetch__ = async (descriptor, path, init) => {
    const invocation = currentInvocation();
    const meter = (meters[invocation?.functionKey ?? '(outside)'] ??= empty());
    const started = performance.now();
    const id = invocation?.invocationId ?? '';
    const kind: RemoteKind =
      descriptor.type === 'kvs'
        ? 'kvs'
        : path.startsWith('/webhook/queue/publish/')
          ? 'queue'
          : descriptor.remote === 'confluence'
            ? 'confluence'
            : 'other';
    const leave = enter(id, kind);
    try {
      const answer = original(descriptor, path, init);
      sync.set(id, (sync.get(id) ?? 0) + performance.now() - started);
      return await answer;
    } finally {
      leave();
      const ms = performance.now() - started;
      meter.platformMs += ms;
      const kind = descriptor.type === 'kvs' ? KVS_KIND[path] : undefined;
      if (kind) {
        meter.kvsOps[kind] = (meter.kvsOps[kind] ?? 0) + 1;
        const target = `${kind} ${kvsTargets(path, init)}`;
        meter.kvsByTarget[target] = (meter.kvsByTarget[target] ?? 0) + 1;
        meter.kvsMs += ms;
      } else if (path.startsWith('/webhook/queue/publish/')) {
        meter.pushes += 1;
        meter.eventsPushed += eventsIn(init);
        meter.pushMs += ms;
      } else if (descriptor.remote === 'confluence') {
        meter.productRequests += 1;
        meter.productMs += ms;
      }
    }
  };
  return {
    byFunction: () => structuredClone(meters),
    syncMsByInvocation: () => new Map(sync),
    waitsByInvocation: () => new Map(waits),
    remoteByInvocation: () =>
      new Map(
        [...remote].map(([id, r]) => [id, { waits: structuredClone(r.waits), waitingMs: r.waitingMs }]),
      ),
    reset: () => {
      meters = {};
      sync = new Map();
      waits = new Map();
      remote = new Map();
    },
    uninstall: () => {
      target.__forge_fetch__ = original;
      globalThis.fetch = originalFetch;
    },
  };
};

export const kvsOpsOf = (meter: FunctionMeter | undefined): number =>
  Object.values(meter?.kvsOps ?? {}).reduce((sum, n) => sum + n, 0);
