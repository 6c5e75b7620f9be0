/**
 * What the Forge emulator loads for the bench: the app's own handlers (src/index.ts) under the
 * names manifest.yml uses, plus what only the bench needs:
 * - `bareTrigger`, subscribed by the bench manifest to the same events (under a `bench:` prefix
 *   so the bench can time it apart from the real trigger): it parses the event and pushes one
 *   queue message, the least a trigger that forwards to a queue can do;
 * - a gate in front of the consumers, so the triggers are timed without consumers sharing the
 *   one Node event loop (on Forge every invocation has its own runtime);
 * - a resolver that writes rules through the app's own KVS adapter.
 */
import { Queue } from '@forge/events';
import Resolver from '@forge/resolver';
import { kvsRuleStore } from '../src/adapters/kvs-rule-store.adapter';
import { markRoutesBuilt } from '../src/adapters/kvs-rule-routes.adapter';
import type { RoutePartition } from '../src/domain/rule-routes';
import { normaliseContentEvent } from '../src/domain/content-event';
import type { Rule } from '../src/domain/rule';
import { currentInvocation } from '../dev/forge-emulator/runtime/invocation-context';
import { handleContentEvent } from '../src/handlers/content-event.trigger';
import { handleDelivery } from '../src/handlers/delivery.consumer';
import { watchConsumerTimers } from '../test/support/consumer-timers';
import { BARE_EVENT_PREFIX, BARE_QUEUE_KEY } from './bench-manifest';

export * from '../src/index';

const bareQueue = new Queue({ key: BARE_QUEUE_KEY });

/** Each trigger run's own duration by invocation id, to set against the platform's share of it. */
const triggerRuns: Array<{ invocationId: string; bare: boolean; ms: number }> = [];

/**
 * The most the V8 heap grew during one run of each function (heap used at its end less at its
 * start; garbage not yet collected counts, so this errs high). Triggers run one at a time; a
 * consumer run counts its turns only (see `waitTurn`), so another run's allocations do not count.
 */
const heapGrowth: Record<string, number> = {};
/** Each consumer run's duration by invocation id, held time and sleeps included. */
const consumerRuns: Array<{ invocationId: string; ms: number }> = [];
const measuringHeap =
  <A extends unknown[], R>(handler: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    const before = process.memoryUsage().heapUsed;
    try {
      return await handler(...args);
    } finally {
      const key = currentInvocation()?.functionKey ?? '(outside)';
      heapGrowth[key] = Math.max(heapGrowth[key] ?? 0, process.memoryUsage().heapUsed - before);
    }
  };

const timed =
  <A extends unknown[], R>(bare: boolean, handler: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    const started = performance.now();
    try {
      return await handler(...args);
    } finally {
      const invocationId = currentInvocation()?.invocationId ?? '';
      triggerRuns.push({ invocationId, bare, ms: performance.now() - started });
    }
  };

export const bareTrigger = timed(true, async (event: { eventType?: string }): Promise<void> => {
  const parsed = normaliseContentEvent({
    ...event,
    eventType: event.eventType?.replace(BARE_EVENT_PREFIX, ''),
  });
  if (!parsed.ok) return;
  const { kind, contentId, version } = parsed.event;
  await bareQueue.push({ body: { kind, contentId, version } });
});

/** The app's trigger, timed the same way (manifest.yml's `index.onContentEvent` resolves here first). */
export const onContentEvent = timed(false, measuringHeap(handleContentEvent));

let opened: Promise<void> = Promise.resolve();
let release: () => void = () => undefined;
const counters = { heldMs: 0, sleptMs: 0 };
/** Deliveries and digests that came back from a pacing delay (`deferredTo`), each counted once. */
const deferred = new Set<string>();
/** Per consumer invocation: time held back by the bench (not the app's) and spent asleep on timers. */
const held = new Map<string, number>();
const slept = new Map<string, number>();
const add = (map: Map<string, number>, ms: number) => {
  const id = currentInvocation()?.invocationId;
  if (id) map.set(id, (map.get(id) ?? 0) + ms);
};

/**
 * At most CONSUMER_TURNS consumer runs at a time: on Forge each
 * run has its own runtime, so a run's time without its waits on remote calls is the app's own
 * work only as far as no other run shares the one Node event loop meanwhile. One at a time would
 * be exact but makes the bench three times slower; with a few, own work errs high (it is under
 * 1 % of the modelled cost).
 */
const CONSUMER_TURNS = 4;
let running = 0;
const queued: Array<() => void> = [];
const takeTurn = async (): Promise<() => void> => {
  if (running >= CONSUMER_TURNS) await new Promise<void>((resolve) => queued.push(resolve));
  else running += 1;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    const next = queued.shift();
    if (next) next();
    else running -= 1;
  };
};
/** Per consumer invocation id: what ends its current turn. */
const turns = new Map<string, () => void>();
/** Per consumer invocation id: heap growth over its turns so far. */
const grown = new Map<string, number>();
const waitTurn = async () => {
  const started = performance.now();
  const done = await takeTurn();
  const ms = performance.now() - started;
  counters.heldMs += ms;
  add(held, ms);
  const id = currentInvocation()?.invocationId ?? '';
  const heapAtStart = process.memoryUsage().heapUsed;
  return () => {
    const growth = (grown.get(id) ?? 0) + process.memoryUsage().heapUsed - heapAtStart;
    grown.set(id, growth);
    heapGrowth.deliver = Math.max(heapGrowth.deliver ?? 0, growth);
    done();
  };
};

/** Lets the bench hold consumers back and see how long they waited or slept. */
export const benchControls = {
  hold: () => {
    opened = new Promise((resolve) => {
      release = resolve;
    });
  },
  release: () => release(),
  /** Time the app's consumer spent at the gate (not the app's doing) and asleep on timers (the app's). */
  counters: () => ({ ...counters, deferred: deferred.size }),
  triggerRuns: () => [...triggerRuns],
  /** Per consumer invocation id: held back by the bench, and asleep pacing. */
  consumerWaits: () => ({ held: new Map(held), slept: new Map(slept) }),
  consumerRuns: () => [...consumerRuns],
  heapGrowth: () => ({ ...heapGrowth }),
  reset: () => {
    triggerRuns.length = 0;
    counters.heldMs = 0;
    counters.sleptMs = 0;
    deferred.clear();
    held.clear();
    slept.clear();
    consumerRuns.length = 0;
    for (const key of Object.keys(heapGrowth)) delete heapGrowth[key];
  },
};
export type BenchControls = typeof benchControls;

const atGate = async (counted: boolean) => {
  const started = performance.now();
  await opened;
  if (!counted) return;
  counters.heldMs += performance.now() - started;
  add(held, performance.now() - started);
};

/** What a message that waited for its turn at a destination carries (the same on a duplicate). */
const deferredKey = (event: unknown): string | null => {
  const body = (event as { body?: Record<string, { deferredTo?: number; deliveryKey?: string }> }).body;
  const waited = body?.['delivery'] ?? body?.['digest'];
  if (waited?.deferredTo === undefined) return null;
  return `${waited.deliveryKey ?? JSON.stringify(body)}@${waited.deferredTo}`;
};

/** The app's consumer behind the gate (manifest.yml's `index.deliver` resolves here first). */
export const deliver = async (event: unknown): ReturnType<typeof handleDelivery> => {
  const started = performance.now();
  const waited = deferredKey(event);
  if (waited) deferred.add(waited);
  await atGate(true);
  const id = currentInvocation()?.invocationId ?? '';
  turns.set(id, await waitTurn());
  try {
    return await handleDelivery(event);
  } finally {
    turns.get(id)?.();
    turns.delete(id);
    grown.delete(id);
    consumerRuns.push({ invocationId: id, ms: performance.now() - started });
  }
};

/** The bare trigger's queue needs a consumer; it does nothing. */
export const bareConsumer = (): Promise<void> => atGate(false);

// Any timer a consumer run waits on keeps a billed function running (pacing used to sleep here).
watchConsumerTimers((invocationId, ms) => {
  counters.sleptMs += ms;
  slept.set(invocationId, (slept.get(invocationId) ?? 0) + ms);
});

const harness = new Resolver();
harness.define('bench/put-rules', async ({ payload }) => {
  const rules = (payload as { rules: Rule[] }).rules;
  await Promise.all(rules.map((rule) => kvsRuleStore.put(rule)));
  // Every rule was saved by this version, with its routes: as on a site that has run the route
  // builds (kvs-rule-routes.adapter.ts), so the trigger does not read the old partitions.
  const partitions = new Set<RoutePartition>(['global']);
  for (const rule of rules) {
    if (rule.scope === 'space') partitions.add(rule.scopeKey as RoutePartition);
    if (rule.spaceKey) partitions.add(`space:${rule.spaceKey}`);
  }
  await Promise.all([...partitions].map(markRoutesBuilt));
  return { written: rules.length };
});
export const benchResolver = harness.getDefinitions();
