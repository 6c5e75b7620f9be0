import type { DeadLetter, ForgeEmulatorOptions, LogEntry } from '../emulator-contract';
import type { KvsStore } from '../kvs/kvs-store';
import type { ManifestModel } from '../manifest/manifest-model';
import type { DeliveryScheduler } from '../queue/delivery-scheduler';
import type { JobTracker } from '../queue/job-tracker';
import type { InvocationHistory } from '../runtime/invocation-history';
import type { InvocationRunner } from '../runtime/invocation-runner';
import type { TriggerSchedule } from '../schedule/trigger-schedule';
import type { StatsCollector } from '../stats/stats-collector';
import type { WebTriggerRegistry } from '../webtrigger/webtrigger-registry';
import type { AppIdentity } from './app-identity';

/** Emulator options with every default applied. */
export interface ResolvedOptions extends ForgeEmulatorOptions {
  clock: () => number;
  delayScale: number;
  quiet: boolean;
  egressRoutes: Record<string, string>;
  duplicateRate: number;
  reorder: boolean;
  random: () => number;
}

/** What the protocol handlers of one running emulator share. */
export interface EmulatorCore {
  readonly options: ResolvedOptions;
  readonly manifest: ManifestModel;
  readonly identity: AppIdentity;
  readonly kvs: KvsStore;
  readonly stats: StatsCollector;
  readonly logs: LogEntry[];
  readonly deadLetters: DeadLetter[];
  readonly webTriggers: WebTriggerRegistry;
  readonly scheduler: DeliveryScheduler;
  readonly jobs: JobTracker;
  readonly runner: InvocationRunner;
  /** The scheduled triggers' next runs, by the clock. */
  readonly schedule: TriggerSchedule;
  /** The newest finished invocations, for the overview page. */
  readonly history: InvocationHistory;
  /** `fetch` as it was before the emulator patched it: the platform's own calls are not app egress. */
  readonly platformFetch: typeof fetch;
  /** Base URL of the HTTP server, set once it listens. */
  url: string;
  /** Records an emulator warning in the logs (attributed to the current invocation, if any). */
  warn(message: string): void;
  /** Schedules a debounced write of the persisted state. */
  persistSoon(): void;
}

export function resolveOptions(options: ForgeEmulatorOptions): ResolvedOptions {
  return {
    ...options,
    clock: options.clock ?? Date.now,
    delayScale: options.delayScale ?? 1,
    quiet: options.quiet ?? false,
    egressRoutes: options.egressRoutes ?? {},
    duplicateRate: options.faults?.duplicateRate ?? 0,
    reorder: options.faults?.reorder ?? false,
    random: options.faults?.random ?? Math.random,
  };
}
