import type { RemoteKind, Wait } from './platform-meter';

/**
 * What one function run cost in time on Forge, from what the bench measured: the app's own
 * work (the run's time less its waits on remote calls, bench holds and pacing sleeps), each wait
 * replaced by a stated latency, and the pacing sleeps (billed: the function is running).
 */
export interface RunTime {
  ownMs: number;
  waits: Wait[];
  sleptMs: number;
}

/**
 * Latency of one round trip from a Forge function, per kind of call. None of these is published
 * by Atlassian or Microsoft for this path; each is an assumption to replace with a measurement
 * on a deployed app (`forge logs` timings, or the bench's platform meter around a real run).
 */
export const LATENCY: Record<RemoteKind, { ms: number; source: string }> = {
  kvs: { ms: 25, source: 'assumption (an in-region storage service call over HTTPS)' },
  queue: { ms: 40, source: 'assumption (Forge events API push)' },
  confluence: { ms: 150, source: 'assumption (Confluence Cloud REST v2 read, as app or user)' },
  graph: { ms: 400, source: 'assumption (Graph channel/chat message POST or PATCH)' },
  connector: { ms: 250, source: 'assumption (Bot Connector activity POST)' },
  login: { ms: 200, source: 'assumption (Entra token endpoint)' },
  other: { ms: 150, source: 'assumption' },
};

/** A wait lasts as long as the slowest call in it (calls started together overlap). */
export const slowestIn = (wait: Wait): RemoteKind =>
  wait.reduce<RemoteKind>(
    (slowest, kind) => (LATENCY[kind].ms > LATENCY[slowest].ms ? kind : slowest),
    'kvs',
  );

export type CostPart = 'own' | RemoteKind | 'sleep';

/** Milliseconds per part over many runs, each wait charged to its slowest kind. */
export const modelledMs = (runs: readonly RunTime[]): Record<CostPart, number> => {
  const parts = { own: 0, sleep: 0 } as Record<CostPart, number>;
  for (const kind of Object.keys(LATENCY) as RemoteKind[]) parts[kind] = 0;
  for (const run of runs) {
    parts.own += Math.max(0, run.ownMs);
    parts.sleep += run.sleptMs;
    for (const wait of run.waits) {
      const kind = slowestIn(wait);
      parts[kind] += LATENCY[kind].ms;
    }
  }
  return parts;
};

/** GB-s of `ms` milliseconds at `memoryMb`. */
export const gbSecondsOf = (ms: number, memoryMb: number): number => (ms / 1000) * (memoryMb / 1024);
