import { FUNCTION } from './bench-manifest';
import { PRICE, type BenchMeasurements } from './bench-report';
import { gbSecondsOf, LATENCY, modelledMs, type CostPart } from './cost-model';
import type { RemoteKind } from './platform-meter';

/** Forge's least `memoryMB` (@forge/manifest schema: 128 to 1024 MB in 1 MB steps, default 512). */
export const FORGE_MIN_MEMORY_MB = 128;
const GB = 1e9;
const MEASURED = [FUNCTION.trigger, FUNCTION.consumer] as const;

const PART_NAMES: Record<CostPart, string> = {
  own: 'own work',
  sleep: 'pacing sleeps',
  kvs: 'KVS',
  queue: 'queue push',
  confluence: 'Confluence REST',
  graph: 'Graph',
  connector: 'Bot Connector',
  login: 'Entra tokens',
  other: 'other calls',
};

/** Each function's peak memory as estimated, and the `memoryMB` it should get (about twice that). */
export const memoryFigures = (m: BenchMeasurements) =>
  MEASURED.map((key) => {
    const peakMb = m.memory.nodeRssMb + m.memory.appHeapMb + (m.memory.heapGrowthMb[key] ?? 0);
    return {
      key,
      peakMb,
      growthMb: m.memory.heapGrowthMb[key] ?? 0,
      suggestedMb: Math.max(FORGE_MIN_MEMORY_MB, Math.ceil((2 * peakMb) / 8) * 8),
      setMb: m.memoryMb[key] ?? 512,
    };
  });

/**
 * The cost of the app's own time plus the latency model (bench/cost-model.ts), at the memory
 * manifest.yml gives each function, with KVS bytes at Forge's prices: per part and in all.
 */
export const modelledCost = (m: BenchMeasurements) => {
  const mem = (key: string) => m.memoryMb[key] ?? 512;
  const parts: Array<{ name: string; dollars: number; ms: number }> = [];
  for (const [key, runs] of [
    [FUNCTION.trigger, m.model.trigger],
    [FUNCTION.consumer, m.model.consumer],
  ] as const) {
    const ms = modelledMs(runs);
    for (const part of Object.keys(ms) as CostPart[]) {
      if (ms[part] === 0) continue;
      const dollars = gbSecondsOf(ms[part], mem(key)) * PRICE.gbSecond;
      parts.push({
        name: `${key === FUNCTION.trigger ? 'trigger' : 'consumer'} ${PART_NAMES[part]}`,
        dollars,
        ms: ms[part],
      });
    }
  }
  parts.push(
    { name: 'KVS bytes read', dollars: (m.kvs.bytesRead / GB) * PRICE.kvsReadGb, ms: 0 },
    { name: 'KVS bytes written', dollars: (m.kvs.bytesWritten / GB) * PRICE.kvsWriteGb, ms: 0 },
  );
  const total = parts.reduce((sum, p) => sum + p.dollars, 0);
  return {
    parts: parts.sort((a, b) => b.dollars - a.dollars),
    total,
    per1000: (total * 1000) / m.config.events,
  };
};

const n = (value: number, digits = 2) =>
  value.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** The lines under the table: the latency model with its sources, the cost by part, memory. */
export const modelLines = (m: BenchMeasurements): string[] => {
  const cost = modelledCost(m);
  const memory = memoryFigures(m);
  const latency = (Object.keys(LATENCY) as RemoteKind[])
    .map((kind) => `${PART_NAMES[kind]} ${LATENCY[kind].ms} ms (${LATENCY[kind].source})`)
    .join('; ');
  return [
    `Modelled cost = (own work + one latency per wait on a remote call, the slowest call of the wait + pacing sleeps) × memoryMB, plus KVS bytes; ` +
      `own work = run time less waits on remote calls, bench holds and sleeps (at most four consumer runs at a time). Latency per round trip: ${latency}.`,
    `  $${n(cost.total, 5)} for ${m.config.events} events → $${n(cost.per1000, 5)} per 1,000: ` +
      cost.parts
        .map((p) => `${p.name} $${n(p.dollars, 5)} (${n((100 * p.dollars) / (cost.total || 1), 1)} %)`)
        .join(', ') +
      '.',
    `Memory (MB): bare Node process ${n(m.memory.nodeRssMb, 1)} resident + the app's code loaded ${n(m.memory.appHeapMb, 1)} heap + the most one run grew the heap; ` +
      memory
        .map(
          (f) =>
            `${f.key}: growth ${n(f.growthMb, 1)}, peak ≈ ${n(f.peakMb, 1)}, 2× → ${f.suggestedMb} (manifest.yml sets ${f.setMb})`,
        )
        .join('; ') +
      `. Forge allows memoryMB from ${FORGE_MIN_MEMORY_MB} (@forge/manifest schema).`,
  ];
};
