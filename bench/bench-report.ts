import type { FunctionStats } from '../dev/forge-emulator';
import type { DeliveryRecord } from '../src/domain/delivery';
import { FUNCTION } from './bench-manifest';
import type { RunTime } from './cost-model';
import { kvsOpsOf, type FunctionMeter } from './platform-meter';

/** What one bench run measured, before any arithmetic. */
export interface BenchMeasurements {
  config: {
    rules: number;
    spaces: number;
    channels: number;
    events: number;
    seed: number;
    delayScale: number;
  };
  /** Product event deliveries (events plus the ones delivered twice). */
  deliveries: number;
  /** First event to idle; the consumers are held until every event has been through the triggers. */
  wallMs: number;
  /** Until the last event was through both triggers. */
  triggersMs: number;
  /** Time consumer invocations waited at the bench's gate: not the app's, left out of GB-s. */
  consumersHeldMs: number;
  /** Time consumer runs waited on timers (pacing used to sleep there): the app's, and billed. */
  pacingSleepMs: number;
  /** Deliveries and digests handed back to the queue to wait for their turn at a destination. */
  pacedByQueue: number;
  /** Each trigger run's duration less the emulated platform's synchronous work in it (KVS queries, queue). */
  outsidePlatformMs: { trigger: number[]; bare: number[] };
  /** Each trigger run's platform waits one after the other (round trips on Forge). */
  platformWaits: { trigger: number[]; bare: number[] };
  invocations: Record<string, FunctionStats>;
  /** The emulator's own KVS counters for the whole installation (`stats.snapshot().kvs`). */
  kvs: { ops: Record<string, number>; bytesRead: number; bytesWritten: number };
  meters: Record<string, FunctionMeter>;
  memoryMb: Record<string, number>;
  /** Per run of the trigger and of the consumer: own time, waits, sleeps (bench/cost-model.ts). */
  model: { trigger: RunTime[]; consumer: RunTime[] };
  /** Megabytes: Node's and the app's baseline, and the most one run grew the heap, per function. */
  memory: { nodeRssMb: number; appHeapMb: number; heapGrowthMb: Record<string, number> };
  rows: DeliveryRecord[];
  graph: Array<{ method: string; url: string; status: number | null }>;
  /** The Bot Connector's requests (personal cards into 1:1 chats), token requests left out. */
  connector: Array<{ method: string; url: string; status: number | null }>;
  tokenRequests: number;
  messages: { roots: number; replies: number; digests: number };
  deadLetters: number;
}

/** Forge's consumption prices (PLATFORM-FACTS "Cost"); free tiers ignored. */
export const PRICE = { gbSecond: 0.000025, kvsReadGb: 0.055, kvsWriteGb: 1.09 } as const;
const GB = 1e9;

export const percentile = (values: readonly number[], p: number): number => {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
};

const durationsOf = (m: BenchMeasurements, key: string) => m.invocations[key]?.durationsMs ?? [];
const totalMs = (m: BenchMeasurements, key: string) => m.invocations[key]?.totalMs ?? 0;
const countOf = (m: BenchMeasurements, key: string) => m.invocations[key]?.count ?? 0;
const gbSeconds = (m: BenchMeasurements, key: string, leaveOutMs = 0) =>
  ((totalMs(m, key) - leaveOutMs) / 1000) * ((m.memoryMb[key] ?? 512) / 1024);

/** Every figure the table shows, derived from the measurements. */
export const summarise = (m: BenchMeasurements) => {
  const { trigger, consumer, bareTrigger } = FUNCTION;
  const events = m.config.events;
  const triggerOps = kvsOpsOf(m.meters[trigger]);
  const consumerOps = kvsOpsOf(m.meters[consumer]);
  const planned = m.meters[trigger]?.eventsPushed ?? 0;
  const sent = m.rows.filter((r) => r.status === 'sent').length;
  const median = percentile(durationsOf(m, trigger), 50);
  const bareMedian = percentile(durationsOf(m, bareTrigger), 50);
  const consumerGbs = gbSeconds(m, consumer, m.consumersHeldMs);
  const pipelineGbs = gbSeconds(m, trigger) + consumerGbs;
  const readGb = m.kvs.bytesRead / GB;
  const writeGb = m.kvs.bytesWritten / GB;
  const cost = pipelineGbs * PRICE.gbSecond + readGb * PRICE.kvsReadGb + writeGb * PRICE.kvsWriteGb;
  const statusCount = (s: DeliveryRecord['status']) => m.rows.filter((r) => r.status === s).length;
  return {
    eventsPerSecond: events / (m.wallMs / 1000),
    trigger: {
      median,
      p99: percentile(durationsOf(m, trigger), 99),
      bareMedian,
      bareP99: percentile(durationsOf(m, bareTrigger), 99),
      ratio: bareMedian === 0 ? 0 : median / bareMedian,
      ratioP99: percentile(durationsOf(m, trigger), 99) / (percentile(durationsOf(m, bareTrigger), 99) || 1),
      invocations: countOf(m, trigger),
      outsideMedian: percentile(m.outsidePlatformMs.trigger, 50),
      outsideP99: percentile(m.outsidePlatformMs.trigger, 99),
      bareOutsideMedian: percentile(m.outsidePlatformMs.bare, 50),
      bareOutsideP99: percentile(m.outsidePlatformMs.bare, 99),
      waitsMedian: percentile(m.platformWaits.trigger, 50),
      waitsMax: Math.max(0, ...m.platformWaits.trigger),
      bareWaitsMedian: percentile(m.platformWaits.bare, 50),
      productRequestsPerRun: (m.meters[trigger]?.productRequests ?? 0) / (countOf(m, trigger) || 1),
      /** Per run, summed over calls (the two index queries overlap): where the trigger's time goes. */
      kvsMsPerRun: (m.meters[trigger]?.kvsMs ?? 0) / (countOf(m, trigger) || 1),
      productMsPerRun: (m.meters[trigger]?.productMs ?? 0) / (countOf(m, trigger) || 1),
      pushMsPerRun: (m.meters[trigger]?.pushMs ?? 0) / (countOf(m, trigger) || 1),
      barePushMsPerRun: (m.meters[bareTrigger]?.pushMs ?? 0) / (countOf(m, bareTrigger) || 1),
    },
    kvs: {
      triggerPerInvocation: triggerOps / (countOf(m, trigger) || 1),
      triggerPerEvent: triggerOps / events,
      consumerPerSent: consumerOps / (sent || 1),
      consumerPerPlanned: consumerOps / (planned || 1),
      pipelinePerEvent: (triggerOps + consumerOps) / events,
      destinationsPerEvent: planned / events,
      /** Cross-check: the emulator's count for the installation against the per-function attribution. */
      emulatorTotal: Object.values(m.kvs.ops).reduce((sum, count) => sum + count, 0),
      attributedTotal: Object.values(m.meters).reduce((sum, meter) => sum + kvsOpsOf(meter), 0),
      triggerKinds: m.meters[trigger]?.kvsOps ?? {},
      consumerKinds: m.meters[consumer]?.kvsOps ?? {},
      consumerTargets: m.meters[consumer]?.kvsByTarget ?? {},
    },
    queue: {
      triggerPushesPerEvent: (m.meters[trigger]?.pushes ?? 0) / events,
      triggerPushesPerInvocation: (m.meters[trigger]?.pushes ?? 0) / (countOf(m, trigger) || 1),
      consumerPushes: m.meters[consumer]?.pushes ?? 0,
    },
    graph: {
      requests: m.graph.length,
      perSent: m.graph.length / (sent || 1),
      /** Per card, digest or reply posted and per successful in-place update. */
      perWrite:
        m.graph.length /
        (m.messages.roots +
          m.messages.replies +
          m.graph.filter((r) => r.method === 'PATCH' && r.status === 204).length || 1),
      throttled: m.graph.filter((r) => r.status === 429).length,
      failed: m.graph.filter((r) => r.status === null || r.status >= 400).length,
      posts: m.graph.filter((r) => r.method === 'POST').length,
      patches: m.graph.filter((r) => r.method === 'PATCH').length,
    },
    deliveries: {
      planned,
      sent,
      inDigests: m.rows.filter((r) => r.status === 'sent' && r.reason === 'Sent in a digest').length,
      held: statusCount('held'),
      skipped: statusCount('skipped'),
      failed: statusCount('failed'),
      consumerRuns: countOf(m, consumer),
    },
    cost: {
      pipelineGbs,
      triggerGbs: gbSeconds(m, trigger),
      consumerGbs,
      consumerMeanMs: (totalMs(m, consumer) - m.consumersHeldMs) / (countOf(m, consumer) || 1),
      pacingShare: m.pacingSleepMs / Math.max(1, totalMs(m, consumer) - m.consumersHeldMs),
      readGb,
      writeGb,
      total: cost,
      per1000: (cost * 1000) / events,
    },
  };
};

export type BenchSummary = ReturnType<typeof summarise>;
