import type { EmulatorStats } from '../emulator-contract';

/** KVS operation kinds counted by the emulator (entity operations count as their plain kind). */
export type KvsOpKind =
  | 'get'
  | 'set'
  | 'delete'
  | 'query'
  | 'batchGet'
  | 'batchSet'
  | 'batchDelete'
  | 'transact'
  | 'secretGet'
  | 'secretSet'
  | 'secretDelete';

const empty = (): EmulatorStats => ({
  kvs: { ops: {}, bytesRead: 0, bytesWritten: 0 },
  queue: { pushes: 0, eventsPushed: 0 },
  productEvents: 0,
  invocations: {},
});

/** Counters that help estimate Forge consumption cost (invocation time, KVS traffic, queue use). */
export class StatsCollector {
  private stats = empty();

  kvsOp(kind: KvsOpKind): void {
    this.stats.kvs.ops[kind] = (this.stats.kvs.ops[kind] ?? 0) + 1;
  }

  kvsBytes(read: number, written: number): void {
    this.stats.kvs.bytesRead += read;
    this.stats.kvs.bytesWritten += written;
  }

  queuePush(events: number): void {
    this.stats.queue.pushes += 1;
    this.stats.queue.eventsPushed += events;
  }

  productEvent(): void {
    this.stats.productEvents += 1;
  }

  invocation(functionKey: string, durationMs: number, failed: boolean): void {
    const entry = (this.stats.invocations[functionKey] ??= {
      count: 0,
      failures: 0,
      totalMs: 0,
      durationsMs: [],
    });
    entry.count += 1;
    entry.failures += failed ? 1 : 0;
    entry.totalMs += durationMs;
    entry.durationsMs.push(durationMs);
  }

  snapshot(): EmulatorStats {
    return structuredClone(this.stats);
  }

  reset(): void {
    this.stats = empty();
  }
}
