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
import { systemTimer } from '../src/adapters/system-timer.adapter';
import { normaliseContentEvent } from '../src/domain/content-event';
import type { Rule } from '../src/domain/rule';
import { currentInvocation } from '../dev/forge-emulator/runtime/invocation-context';
import { handleContentEvent } from '../src/handlers/content-event.trigger';
import { handleDelivery } from '../src/handlers/delivery.consumer';
import { BARE_EVENT_PREFIX, BARE_QUEUE_KEY } from './bench-manifest';

export * from '../src/index';

const bareQueue = new Queue({ key: BARE_QUEUE_KEY });

/** Each trigger run's own duration by invocation id, to set against the platform's share of it. */
const triggerRuns: Array<{ invocationId: string; bare: boolean; ms: number }> = [];
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
export const onContentEvent = timed(false, handleContentEvent);

let opened: Promise<void> = Promise.resolve();
let release: () => void = () => undefined;
const counters = { heldMs: 0, sleptMs: 0 };

/** Lets the bench hold consumers back and see how long they waited or slept. */
export const benchControls = {
  hold: () => {
    opened = new Promise((resolve) => {
      release = resolve;
    });
  },
  release: () => release(),
  /** Time the app's consumer spent at the gate (not the app's doing) and pacing Teams requests (the app's). */
  counters: () => ({ ...counters }),
  triggerRuns: () => [...triggerRuns],
  reset: () => {
    triggerRuns.length = 0;
    counters.heldMs = 0;
    counters.sleptMs = 0;
  },
};
export type BenchControls = typeof benchControls;

const atGate = async (counted: boolean) => {
  const started = performance.now();
  await opened;
  if (counted) counters.heldMs += performance.now() - started;
};

/** The app's consumer behind the gate (manifest.yml's `index.deliver` resolves here first). */
export const deliver = async (event: unknown): ReturnType<typeof handleDelivery> => {
  await atGate(true);
  return handleDelivery(event);
};

/** The bare trigger's queue needs a consumer; it does nothing. */
export const bareConsumer = (): Promise<void> => atGate(false);

// Pacing between requests to one channel sleeps inside the consumer, and Forge bills that time.
const sleep = systemTimer.sleep.bind(systemTimer);
systemTimer.sleep = (ms) => {
  counters.sleptMs += Math.max(0, ms);
  return sleep(ms);
};

const harness = new Resolver();
harness.define('bench/put-rules', async ({ payload }) => {
  const rules = (payload as { rules: Rule[] }).rules;
  await Promise.all(rules.map((rule) => kvsRuleStore.put(rule)));
  return { written: rules.length };
});
export const benchResolver = harness.getDefinitions();
