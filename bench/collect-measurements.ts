import type { Sandbox } from '../dev/sandbox/start-sandbox';
import type { DeliveryRecord } from '../src/domain/delivery';
import type { BenchControls } from './bench-app.entry';
import type { BenchMeasurements } from './bench-report';
import type { RunTime } from './cost-model';
import type { PlatformMeter } from './platform-meter';

/** The Microsoft simulator keeps the last 10,000 requests in memory. */
const REQUESTS_KEPT = 10_000;

export interface RunFacts {
  config: BenchMeasurements['config'];
  deliveries: number;
  wallMs: number;
  triggersMs: number;
  /** ISO time the measured run started (the Microsoft simulator's clock is real time). */
  since: string;
  memoryMb: Record<string, number>;
  /** A bare Node process's resident memory and the app's loaded heap (bench/memory-baseline.ts). */
  baseline: { nodeRssMb: number; appHeapMb: number };
}

const MB = 1024 * 1024;

/** Reads back everything the run left in the emulator, the simulators and the bench's own meters. */
export const collectMeasurements = (
  sandbox: Sandbox,
  meter: PlatformMeter,
  controls: BenchControls,
  run: RunFacts,
): BenchMeasurements => {
  const counters = controls.counters();
  const platformSync = meter.syncMsByInvocation();
  const platformWaits = meter.waitsByInvocation();
  const runs = (bare: boolean) => controls.triggerRuns().filter((r) => r.bare === bare);
  const outsidePlatform = (bare: boolean) =>
    runs(bare).map((r) => r.ms - (platformSync.get(r.invocationId) ?? 0));
  const waitsOf = (bare: boolean) => runs(bare).map((r) => platformWaits.get(r.invocationId) ?? 0);
  const remote = meter.remoteByInvocation();
  const { held, slept } = controls.consumerWaits();
  const timeOf = (id: string, ms: number, sleptMs = 0): RunTime => ({
    ownMs: ms - (held.get(id) ?? 0) - sleptMs - (remote.get(id)?.waitingMs ?? 0),
    waits: remote.get(id)?.waits ?? [],
    sleptMs,
  });
  const stats = sandbox.forge.stats.snapshot();
  const all = sandbox.microsoft.requests();
  if (all.length >= REQUESTS_KEPT && (all[0]?.time ?? '') >= run.since)
    throw new Error('The Microsoft simulator kept only the last 10,000 requests: run fewer events');
  const requests = all.filter((r) => r.time >= run.since);
  const messages = sandbox.microsoft.messages();
  const rows = Object.values(sandbox.forge.kvsDump().entities['delivery'] ?? {}).map(
    (row) => (row as { data: DeliveryRecord }).data,
  );
  const { baseline, ...facts } = run;
  return {
    ...facts,
    model: {
      trigger: runs(false).map((r) => timeOf(r.invocationId, r.ms)),
      consumer: controls
        .consumerRuns()
        .map((r) => timeOf(r.invocationId, r.ms, slept.get(r.invocationId) ?? 0)),
    },
    memory: {
      ...baseline,
      heapGrowthMb: Object.fromEntries(
        Object.entries(controls.heapGrowth()).map(([key, bytes]) => [key, bytes / MB]),
      ),
    },
    consumersHeldMs: counters.heldMs,
    pacingSleepMs: counters.sleptMs,
    pacedByQueue: counters.deferred,
    outsidePlatformMs: { trigger: outsidePlatform(false), bare: outsidePlatform(true) },
    platformWaits: { trigger: waitsOf(false), bare: waitsOf(true) },
    invocations: stats.invocations,
    kvs: stats.kvs,
    meters: meter.byFunction(),
    rows,
    graph: requests.filter((r) => r.url.startsWith('/graph/')),
    connector: requests.filter((r) => r.url.startsWith('/connector/')),
    tokenRequests: requests.filter((r) => r.url.startsWith('/login/')).length,
    messages: {
      roots: messages.filter((m) => m.replyToId === null).length,
      replies: messages.filter((m) => m.replyToId !== null).length,
      digests: messages.filter((m) => JSON.stringify(m.attachments[0]?.card ?? '').includes('Digest')).length,
    },
    deadLetters: sandbox.forge.deadLetters.length,
  };
};
