import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { APP_DIR } from '../dev/sandbox/app-manifest';

/** Function keys: the app's (from manifest.yml) and the bench's own. */
export const FUNCTION = {
  trigger: 'on-content-event',
  consumer: 'deliver',
  bareTrigger: 'bench-bare-trigger',
  bareConsumer: 'bench-bare-consumer',
  resolver: 'bench-resolver',
} as const;
export const BENCH_MODULE = 'bench-harness';
export const BARE_QUEUE_KEY = 'bench-bare';
/** The bare trigger listens to the real events under this prefix, so the bench can time each apart. */
export const BARE_EVENT_PREFIX = 'bench:';
/** Forge's default when a function does not set `memoryMB` (PLATFORM-FACTS "Runtime"). */
const DEFAULT_MEMORY_MB = 512;

interface Manifest {
  app?: { runtime?: { memoryMB?: number } };
  modules: Record<string, Array<Record<string, unknown>>>;
}

/**
 * Writes the app's manifest.yml, plus the bare trigger (same events as the real one), its queue's
 * no-op consumer and the bench's resolver, into `dir`. Read from the real manifest on every run,
 * so the bench measures what the app declares. Returns each function's memory in MB.
 */
export const writeBenchManifest = (dir: string): Record<string, number> => {
  const manifest = parse(readFileSync(join(APP_DIR, 'manifest.yml'), 'utf8')) as Manifest;
  const modules = manifest.modules;
  const real = (modules.trigger ?? []).find((t) => t.function === FUNCTION.trigger);
  if (!real) throw new Error(`manifest.yml has no trigger for ${FUNCTION.trigger}`);
  const events = (real.events as string[]).map((e) => `${BARE_EVENT_PREFIX}${e}`);
  (modules.trigger ??= []).push({ key: 'bench-bare-events', function: FUNCTION.bareTrigger, events });
  (modules.consumer ??= []).push({
    key: 'bench-bare-consumer',
    queue: BARE_QUEUE_KEY,
    function: FUNCTION.bareConsumer,
  });
  (modules['confluence:globalSettings'] ??= []).push({
    key: BENCH_MODULE,
    title: 'Bench',
    resource: 'settings-ui',
    resolver: { function: FUNCTION.resolver },
  });
  (modules.function ??= []).push(
    { key: FUNCTION.bareTrigger, handler: 'index.bareTrigger' },
    { key: FUNCTION.bareConsumer, handler: 'index.bareConsumer' },
    { key: FUNCTION.resolver, handler: 'index.benchResolver' },
  );
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'manifest.yml'), stringify(manifest));
  // A function's own `runtime.memoryMB`, else the app's, else Forge's default.
  const appMemory = manifest.app?.runtime?.memoryMB ?? DEFAULT_MEMORY_MB;
  return Object.fromEntries(
    (modules.function ?? []).map((f) => {
      const own = (f.runtime as { memoryMB?: unknown } | undefined)?.memoryMB;
      return [String(f.key), typeof own === 'number' ? own : appMemory];
    }),
  );
};
