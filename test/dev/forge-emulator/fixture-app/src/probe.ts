/** What the fixture's functions saw, for the tests to read. Module state: reset between tests. */
export interface Probe {
  triggerCalls: Array<{
    moduleKey: string;
    event: Record<string, unknown>;
    context: Record<string, unknown>;
  }>;
  deliveries: Array<{ event: Record<string, unknown>; context: Record<string, unknown>; at: number }>;
  running: Record<string, number>;
  maxRunning: Record<string, number>;
  notes: unknown[];
}

export const probe: Probe = { triggerCalls: [], deliveries: [], running: {}, maxRunning: {}, notes: [] };

export function resetProbe(): void {
  probe.triggerCalls = [];
  probe.deliveries = [];
  probe.running = {};
  probe.maxRunning = {};
  probe.notes = [];
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** An error as plain data, so it survives JSON. */
export const describe = (error: unknown) =>
  error instanceof Error
    ? { name: error.name, message: error.message, constructor: error.constructor.name }
    : { error };

/** The principal the Forge runtime reports for the current invocation. */
export const runtimeAccountId = () =>
  (globalThis as unknown as { __forge_runtime__?: { aaid?: string } }).__forge_runtime__?.aaid;
