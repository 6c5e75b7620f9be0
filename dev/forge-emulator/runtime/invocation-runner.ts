import { randomUUID } from 'node:crypto';
import type { EmulatorCore } from '../core/emulator-core';
import { runInInvocation, type InvocationKind, type InvocationState } from './invocation-context';
import { appendLog } from './log-sink';
import { buildRuntime } from './runtime-object';

/** What to invoke, for whom, and how long the platform waits. */
export interface InvocationSpec {
  functionKey: string;
  moduleKey: string;
  kind: InvocationKind;
  accountId?: string;
  timeoutMs: number;
  args: unknown[];
}

export type InvocationOutcome =
  | { ok: true; value: unknown; invocationId: string }
  | { ok: false; error: unknown; timedOut: boolean; invocationId: string };

/** Raised when a function runs past its limit; Forge reports it as `FUNCTION_TIME_OUT`. */
export class InvocationTimeoutError extends Error {
  constructor(functionKey: string, timeoutMs: number) {
    super(`Function '${functionKey}' timed out after ${timeoutMs / 1000} s`);
    this.name = 'FUNCTION_TIME_OUT';
  }
}

type Handler = (...args: unknown[]) => unknown;

const describeError = (error: unknown): string =>
  error instanceof Error
    ? (error.stack ?? `${error.name}: ${error.message}`)
    : (JSON.stringify(error) ?? String(error));

/** Runs manifest functions inside their own invocation context, with the platform's timeouts. */
export class InvocationRunner {
  private app: Record<string, unknown> = {};
  private running = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly core: () => EmulatorCore) {}

  setApp(app: Record<string, unknown>): void {
    this.app = app;
  }

  get active(): number {
    return this.running;
  }

  /** Called whenever an invocation starts or ends (used by `idle()`). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Finds `file.export` of a function: `exports[file][export]` if present, else the entry's `export`. */
  private handler(functionKey: string): Handler {
    const definition = this.core().manifest.functions.get(functionKey);
    if (!definition) throw new Error(`manifest.yml has no function '${functionKey}'`);
    const dot = definition.handler.lastIndexOf('.');
    const file = definition.handler.slice(0, dot);
    const name = definition.handler.slice(dot + 1);
    const nested = this.app[file];
    const candidate =
      nested !== null && typeof nested === 'object' && name in nested
        ? (nested as Record<string, unknown>)[name]
        : this.app[name];
    if (typeof candidate !== 'function') {
      throw new Error(
        `Handler '${definition.handler}' of function '${functionKey}' is not an exported function`,
      );
    }
    return candidate as Handler;
  }

  async run(spec: InvocationSpec): Promise<InvocationOutcome> {
    const core = this.core();
    const invocationId = randomUUID();
    const deadline = Date.now() + spec.timeoutMs;
    const subject = { invocationId, moduleKey: spec.moduleKey, accountId: spec.accountId, deadline };
    const state: InvocationState = {
      core,
      ...subject,
      functionKey: spec.functionKey,
      kind: spec.kind,
      timedOut: false,
      runtime: buildRuntime(core, subject),
    };
    const source = { functionKey: spec.functionKey, invocationId };
    this.changed(+1);
    const started = performance.now();
    const startedAt = new Date(core.options.clock()).toISOString();
    let timer: NodeJS.Timeout | undefined;
    let outcome: InvocationOutcome;
    try {
      const handler = this.handler(spec.functionKey);
      const work = runInInvocation(
        state,
        () => new Promise<unknown>((resolve) => resolve(handler(...spec.args))),
      );
      work.catch(() => undefined); // a late failure after a timeout is not the caller's business any more
      const timeout = new Promise<'timeout'>((resolve) => {
        timer = setTimeout(() => resolve('timeout'), spec.timeoutMs);
      });
      const result = await Promise.race([work.then((value) => ({ value })), timeout]);
      if (result === 'timeout') {
        state.timedOut = true;
        const error = new InvocationTimeoutError(spec.functionKey, spec.timeoutMs);
        appendLog(core, source, 'error', error.message);
        outcome = { ok: false, error, timedOut: true, invocationId };
      } else {
        outcome = { ok: true, value: result.value, invocationId };
      }
    } catch (error) {
      appendLog(core, source, 'error', `Invocation failed: ${describeError(error)}`);
      outcome = { ok: false, error, timedOut: false, invocationId };
    } finally {
      clearTimeout(timer);
    }
    const durationMs = Math.round((performance.now() - started) * 100) / 100;
    core.stats.invocation(spec.functionKey, durationMs, !outcome.ok);
    core.history.add({
      invocationId,
      functionKey: spec.functionKey,
      moduleKey: spec.moduleKey,
      kind: spec.kind,
      startedAt,
      durationMs,
      ok: outcome.ok,
      timedOut: !outcome.ok && outcome.timedOut,
    });
    this.changed(-1);
    return outcome;
  }

  private changed(delta: number): void {
    this.running += delta;
    for (const listener of this.listeners) listener();
  }
}
