import { randomUUID } from 'node:crypto';
import type { EmulatorCore } from '../core/emulator-core';
import { outsideInvocation } from '../runtime/invocation-context';
import type { PendingMessage } from './pending-message';
import { MAX_RETRIES, type DeliveryResult } from './retry-policy';

/** Delivers one message once; the scheduler decides what happens next from the result. */
export type Deliver = (message: PendingMessage) => Promise<DeliveryResult>;
export type Settled = (message: PendingMessage, status: 'success' | 'failed') => void;

const MAX_POLL_MS = 1000;
const MAX_RETRY_DATA_BYTES = 4096;

function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i -= 1) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}

/**
 * At-least-once delivery of queue events and product event retries: delays, retries with backoff or
 * `retryAfter`, dead letters after {@link MAX_RETRIES} retries, per-key concurrency limits, and the
 * duplicate and reorder faults. Waits are real time scaled by delayScale (a test's frozen clock must not
 * stall retries); the retention window follows the emulator clock.
 */
export class DeliveryScheduler {
  private pending: PendingMessage[] = [];
  private readonly running = new Map<string, PendingMessage>();
  private readonly concurrency = new Map<string, number>();
  private readonly listeners = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private pumpQueued = false;
  private stopped = false;
  private seq = 0;

  constructor(
    private readonly core: () => EmulatorCore,
    private readonly deliver: Deliver,
    private readonly settled: Settled,
  ) {}

  /** Messages not yet delivered successfully or given up (running ones included). */
  get size(): number {
    return this.pending.length + this.running.size;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Adds new messages; with faults.duplicateRate some are added twice (at-least-once delivery). */
  enqueue(messages: Array<Omit<PendingMessage, 'id' | 'seq'>>): void {
    const { duplicateRate, random } = this.core().options;
    for (const message of messages) {
      const copies = duplicateRate > 0 && random() < duplicateRate ? 2 : 1;
      for (let copy = 0; copy < copies; copy += 1)
        this.pending.push({ ...message, id: randomUUID(), seq: this.seq++ });
    }
    this.changed();
  }

  /** Drops the messages of a job that have not started (Queue.cancel). */
  cancelJob(jobId: string): number {
    const before = this.pending.length;
    this.pending = this.pending.filter((message) => message.jobId !== jobId);
    this.changed();
    return before - this.pending.length;
  }

  /** What must survive a restart: everything not yet acknowledged. */
  snapshot(): PendingMessage[] {
    return [...this.pending, ...this.running.values()].map((message) => structuredClone(message));
  }

  /** Every message not yet acknowledged, marked running or waiting (read-only, for the overview page). */
  list(): Array<{ message: Readonly<PendingMessage>; running: boolean }> {
    return [
      ...[...this.running.values()].map((message) => ({ message, running: true })),
      ...this.pending.map((message) => ({ message, running: false })),
    ];
  }

  restore(messages: PendingMessage[]): void {
    this.pending.push(...messages);
    this.seq = Math.max(this.seq, ...messages.map((message) => message.seq + 1));
    this.changed();
  }

  clear(): void {
    this.pending = [];
    this.changed();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** Applies the result of an attempt: done, a retry later, or a dead letter. */
  afterAttempt(message: PendingMessage, result: DeliveryResult): void {
    const core = this.core();
    if (result.kind === 'done') {
      this.settled(message, 'success');
    } else if (result.kind === 'drop') {
      this.deadLetter(message, result.reason);
    } else if (message.retryCount >= MAX_RETRIES) {
      const detail = result.detail ? ` (${result.detail})` : '';
      this.deadLetter(message, `${result.reason}${detail}: gave up after ${MAX_RETRIES} retries`);
    } else {
      const retryCount = message.retryCount + 1;
      this.enqueueRetry({
        ...message,
        readyAt: Date.now() + result.afterSeconds * 1000 * core.options.delayScale,
        retryCount,
        retryContext: {
          retryCount,
          retryReason: result.reason,
          retryData: this.checkRetryData(result.retryData),
        },
      });
    }
    core.persistSoon();
    this.changed();
  }

  /** `retryData` is limited to 4 KB (async-events-api "RetryOptions"); larger data is not passed on. */
  private checkRetryData(retryData: unknown): unknown {
    if (
      retryData === undefined ||
      Buffer.byteLength(JSON.stringify(retryData) ?? '') <= MAX_RETRY_DATA_BYTES
    ) {
      return retryData;
    }
    this.core().warn(`retryData over ${MAX_RETRY_DATA_BYTES} bytes was dropped from the retry`);
    return undefined;
  }

  private enqueueRetry(message: PendingMessage): void {
    this.pending.push({ ...message, id: randomUUID(), seq: this.seq++ });
  }

  private deadLetter(message: PendingMessage, reason: string): void {
    const core = this.core();
    core.deadLetters.push({
      kind: message.kind,
      source: message.source,
      moduleKey: message.moduleKey,
      functionKey: message.functionKey,
      eventId: message.eventId,
      ...(message.jobId ? { jobId: message.jobId } : {}),
      body: message.body,
      attempts: message.retryCount + 1,
      reason,
      time: new Date(core.options.clock()).toISOString(),
    });
    this.settled(message, 'failed');
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
    if (this.pumpQueued || this.stopped) return;
    this.pumpQueued = true;
    outsideInvocation(() => setImmediate(() => this.pump()));
  }

  private pump(): void {
    this.pumpQueued = false;
    clearTimeout(this.timer);
    this.timer = undefined;
    if (this.stopped) return;
    const { reorder, random } = this.core().options;
    const now = Date.now();
    const ready = this.pending.filter((message) => message.readyAt <= now);
    const ordered = reorder
      ? shuffle(ready, random)
      : ready.sort((a, b) => a.readyAt - b.readyAt || a.seq - b.seq);
    for (const message of ordered) {
      const key = message.concurrency?.key;
      if (key !== undefined && (this.concurrency.get(key) ?? 0) >= (message.concurrency?.limit ?? Infinity))
        continue;
      this.start(message);
    }
    const waiting = this.pending.filter((message) => message.readyAt > now);
    if (waiting.length > 0) {
      const next = Math.min(...waiting.map((message) => message.readyAt));
      // Poll at least every second: a restored message may be due already.
      const delay = Math.min(MAX_POLL_MS, Math.max(1, next - now));
      this.timer = outsideInvocation(() => setTimeout(() => this.pump(), delay));
    }
  }

  private start(message: PendingMessage): void {
    this.pending = this.pending.filter((candidate) => candidate.id !== message.id);
    this.running.set(message.id, message);
    const key = message.concurrency?.key;
    if (key !== undefined) this.concurrency.set(key, (this.concurrency.get(key) ?? 0) + 1);
    const finish = (result: DeliveryResult) => {
      if (this.stopped) return; // persisted as pending at stop: delivered again after a restart
      this.running.delete(message.id);
      if (key !== undefined) this.concurrency.set(key, (this.concurrency.get(key) ?? 1) - 1);
      this.afterAttempt(message, result);
    };
    outsideInvocation(() => {
      this.deliver(message).then(finish, (error: unknown) =>
        finish({ kind: 'drop', reason: `The emulator could not deliver: ${String(error)}` }),
      );
    });
  }
}
