import { AsyncLocalStorage } from 'node:async_hooks';
import type { EmulatorCore } from '../core/emulator-core';

export type InvocationKind = 'resolver' | 'trigger' | 'consumer' | 'webtrigger' | 'scheduledTrigger';

/** The state of one function invocation; concurrent invocations each carry their own. */
export interface InvocationState {
  core: EmulatorCore;
  invocationId: string;
  functionKey: string;
  moduleKey: string;
  kind: InvocationKind;
  /** The user the invocation runs for (resolvers), if any. */
  accountId?: string;
  /** `Date.now()` at which the platform stops waiting for the function. */
  deadline: number;
  timedOut: boolean;
  /** The object `global.__forge_runtime__` returns inside this invocation. */
  runtime: Record<string, unknown>;
}

const storage = new AsyncLocalStorage<InvocationState>();

export function currentInvocation(): InvocationState | undefined {
  return storage.getStore();
}

export function runInInvocation<T>(state: InvocationState, fn: () => T): T {
  return storage.run(state, fn);
}

/** Runs emulator bookkeeping (timers, deliveries) detached from whichever invocation scheduled it. */
export function outsideInvocation<T>(fn: () => T): T {
  return storage.exit(fn);
}
