/**
 * The Forge emulator of the local sandbox (ARCHITECTURE.md §7): runs the functions named in a Forge
 * `manifest.yml` in-process with the real `@forge/api`, `@forge/kvs`, `@forge/events` and
 * `@forge/resolver`, answering the platform protocol they speak through `global.__forge_fetch__` and
 * `global.__forge_runtime__`.
 *
 * Importing this module patches `globalThis.fetch` (a pass-through outside invocations). Import it
 * before anything that loads `@forge/api`: that package keeps the `fetch` it finds at import time for
 * `api.fetch`, which then would bypass the egress rules.
 */
import { installEgressFetch } from './egress/egress-fetch';

installEgressFetch();

export { startForgeEmulator } from './start-forge-emulator';
export type {
  DeadLetter,
  EmulatorStats,
  ForgeEmulator,
  ForgeEmulatorOptions,
  FunctionStats,
  LogEntry,
  LogLevel,
  ResolverCall,
  ScheduledTriggerRun,
} from './emulator-contract';
