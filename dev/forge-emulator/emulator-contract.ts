/**
 * The public contract of the Forge emulator: what a sandbox script or a test passes in and gets back.
 * The emulator runs the functions named in a Forge `manifest.yml` in-process with the real, unmodified
 * `@forge/*` SDKs and answers the platform protocol those SDKs speak.
 */

/** Options for {@link startForgeEmulator}. */
export interface ForgeEmulatorOptions {
  /** Folder holding `manifest.yml` (resource paths are relative to it). */
  appDir: string;
  /** Requires the app's entry (e.g. `src/index.ts`); called once, after the Forge globals are installed. */
  loadApp: () => Record<string, unknown>;
  /** Persist KVS, secrets, web trigger ids and pending queue messages as JSON here; absent = memory only. */
  dataDir?: string;
  /** Wipe the state kept in `dataDir` on start. */
  reset?: boolean;
  /** Where product requests go: `requestConfluence` is forwarded to `confluence + path`. */
  productBaseUrls: { confluence: string };
  /** Real origin -> local base URL, e.g. `{ 'https://graph.microsoft.com': 'http://127.0.0.1:5300/graph' }`. */
  egressRoutes?: Record<string, string>;
  /** The Confluence site's base URL, used in contexts. */
  siteUrl: string;
  cloudId: string;
  /** The app's own Atlassian account; product events it caused are dropped by `filter.ignoreSelf`. */
  appAccountId: string;
  /**
   * Epoch ms; KVS TTL, the queue retention window and scheduled triggers use it (default `Date.now`).
   * Queue waits are real time.
   */
  clock?: () => number;
  /** Every wait (delayInSeconds, retryAfter, backoff) is multiplied by this; tests use ~0.001 (default 1). */
  delayScale?: number;
  /** HTTP server port (default 0 = random). */
  port?: number;
  /** HTTP server host (default 127.0.0.1). */
  host?: string;
  /** Do not echo function logs to stdout. */
  quiet?: boolean;
  /** Queue and product event delivery faults: at-least-once duplicates and out-of-order delivery. */
  faults?: { duplicateRate?: number; reorder?: boolean; random?: () => number };
}

export type LogLevel = 'log' | 'info' | 'warn' | 'error' | 'debug';

/** One console line written inside an invocation (or an emulator warning about one). */
export interface LogEntry {
  time: string;
  functionKey: string;
  invocationId: string;
  level: LogLevel;
  message: string;
}

/** A queue message or product event that will not be delivered again. */
export interface DeadLetter {
  kind: 'queue' | 'event';
  /** Queue name or product event type. */
  source: string;
  moduleKey: string;
  functionKey: string;
  eventId: string;
  jobId?: string;
  /** The queue event body, or the product event payload. */
  body: unknown;
  /** How many times the function was invoked for it. */
  attempts: number;
  reason: string;
  time: string;
}

/** Invocation counters of one function. */
export interface FunctionStats {
  count: number;
  failures: number;
  totalMs: number;
  durationsMs: number[];
}

/** Counters since start (or the last `stats.reset()`). */
export interface EmulatorStats {
  kvs: { ops: Record<string, number>; bytesRead: number; bytesWritten: number };
  queue: { pushes: number; eventsPushed: number };
  productEvents: number;
  invocations: Record<string, FunctionStats>;
}

/** What `invokeResolver` needs to call a UI module's resolver as a given user. */
export interface ResolverCall {
  moduleKey: string;
  accountId?: string;
  functionKey: string;
  payload?: unknown;
  extension?: Record<string, unknown>;
}

/** One run of a scheduled trigger. */
export interface ScheduledTriggerRun {
  moduleKey: string;
  invocationId: string;
  /** False when the function threw or timed out; Forge does not retry it, the next tick runs as usual. */
  ok: boolean;
  timedOut: boolean;
}

/** A running emulator. */
export interface ForgeEmulator {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** Closes the server and timers and flushes persistence. */
  stop(): Promise<void>;
  /** Runs every trigger subscribed to the event; resolves when those invocations finish (not the queue). */
  emitProductEvent(eventType: string, payload: object): Promise<void>;
  /** Calls a UI module's resolver the way `invoke` from `@forge/bridge` does. */
  invokeResolver(args: ResolverCall): Promise<unknown>;
  /** The installation's app and environment ids, as Confluence puts them in a global page's URL. */
  identity: { appId: string; environmentId: string };
  /** The same stable URL that `webTrigger.getUrl(key)` returns inside functions. */
  webTriggerUrl(key: string): string;
  /** Runs a scheduled trigger now, outside its schedule; resolves when the invocation has finished. */
  runScheduledTrigger(key: string): Promise<ScheduledTriggerRun>;
  /**
   * Starts the scheduled triggers that are due by the clock, then resolves when no invocation runs and no
   * queue message is pending (including scheduled retries). It never waits for a scheduled trigger's next tick.
   */
  idle(opts?: { timeoutMs?: number }): Promise<void>;
  logs: LogEntry[];
  deadLetters: DeadLetter[];
  stats: { snapshot(): EmulatorStats; reset(): void };
  /** Inspection for tests; secret values are not exposed. */
  kvsDump(): {
    keys: Record<string, unknown>;
    entities: Record<string, Record<string, unknown>>;
    secretKeys: string[];
  };
  /** Wipes KVS, secrets, entities, pending queue messages, dead letters and logs (web trigger ids stay). */
  clearData(): Promise<void>;
}
