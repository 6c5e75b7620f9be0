import type { InvocationKind } from './invocation-context';

/** One finished invocation, as the emulator's overview page lists it. */
export interface InvocationRecord {
  invocationId: string;
  functionKey: string;
  moduleKey: string;
  kind: InvocationKind;
  /** ISO 8601 start, by the emulator clock. */
  startedAt: string;
  durationMs: number;
  ok: boolean;
  timedOut: boolean;
}

/** How many invocations are kept: enough to debug a tour step, bounded for a long benchmark run. */
const KEPT = 200;

/** The newest finished invocations, oldest first; older ones are dropped. */
export class InvocationHistory {
  private records: InvocationRecord[] = [];

  add(record: InvocationRecord): void {
    this.records.push(record);
    if (this.records.length > KEPT) this.records.splice(0, this.records.length - KEPT);
  }

  list(): readonly InvocationRecord[] {
    return this.records;
  }

  clear(): void {
    this.records = [];
  }
}
