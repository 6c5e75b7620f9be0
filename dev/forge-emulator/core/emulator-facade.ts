import type { Server } from 'node:http';
import type { ForgeEmulator } from '../emulator-contract';
import { emitProductEvent } from '../events/product-events';
import { stopHttpServer } from '../http/http-server';
import type { StateFile } from '../persistence/state-file';
import { invokeResolver } from '../resolver/resolver-invoker';
import { unregisterCore } from '../runtime/active-cores';
import type { EmulatorCore } from './emulator-core';

/** How long `stop()` lets running invocations finish before closing. */
const STOP_GRACE_MS = 2000;
const DEFAULT_IDLE_TIMEOUT_MS = 10_000;

function whenIdle(core: EmulatorCore, timeoutMs: number): Promise<void> {
  const isIdle = () => core.runner.active === 0 && core.scheduler.size === 0;
  return new Promise((resolve, reject) => {
    const unsubscribe: Array<() => void> = [];
    const finish = (error?: Error) => {
      clearTimeout(timer);
      unsubscribe.forEach((off) => off());
      if (error) reject(error);
      else resolve();
    };
    // Idle must hold across a turn of the event loop: an ending invocation may be about to schedule a retry.
    const check = () => {
      if (isIdle()) setImmediate(() => isIdle() && finish());
    };
    const timer = setTimeout(() => {
      const why = `${core.runner.active} invocation(s) running, ${core.scheduler.size} queue message(s) pending`;
      finish(new Error(`The Forge emulator is not idle after ${timeoutMs} ms: ${why}`));
    }, timeoutMs);
    unsubscribe.push(core.runner.onChange(check), core.scheduler.onChange(check));
    check();
  });
}

function dump(core: EmulatorCore): ReturnType<ForgeEmulator['kvsDump']> {
  const entities: Record<string, Record<string, unknown>> = {};
  for (const space of core.kvs.spaceIds()) {
    if (!space.startsWith('entity:')) continue;
    const rows = core.kvs.entries(space);
    if (rows.length > 0)
      entities[space.slice('entity:'.length)] = Object.fromEntries(rows.map(([k, e]) => [k, e.value]));
  }
  return {
    keys: Object.fromEntries(core.kvs.entries('kvs').map(([key, entry]) => [key, entry.value])),
    entities,
    secretKeys: core.kvs.entries('secret').map(([key]) => key),
  };
}

/** The public face of a running emulator. */
export function createEmulatorFacade(
  core: EmulatorCore,
  server: Server,
  stateFile: StateFile,
): ForgeEmulator {
  let stopped = false;
  return {
    get url() {
      return core.url;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      core.scheduler.stop();
      core.schedule.stop();
      const deadline = Date.now() + STOP_GRACE_MS;
      while (core.runner.active > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      stateFile.flush();
      unregisterCore(core);
      await stopHttpServer(server);
    },
    emitProductEvent: (eventType, payload) => emitProductEvent(core, eventType, payload),
    invokeResolver: (call) => invokeResolver(core, call),
    identity: { appId: core.identity.appId, environmentId: core.identity.environmentId },
    webTriggerUrl: (key) => core.webTriggers.urlFor(key),
    runScheduledTrigger: (key) => core.schedule.runNow(key),
    idle: (opts) => {
      // A test clock moves without telling anyone: start what it made due, then wait only for what runs.
      core.schedule.runDue();
      return whenIdle(core, opts?.timeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS);
    },
    logs: core.logs,
    deadLetters: core.deadLetters,
    stats: { snapshot: () => core.stats.snapshot(), reset: () => core.stats.reset() },
    kvsDump: () => dump(core),
    clearData() {
      core.kvs.clear();
      core.scheduler.clear();
      core.deadLetters.length = 0;
      core.logs.length = 0;
      core.history.clear();
      stateFile.flush();
      return Promise.resolve();
    },
  };
}
