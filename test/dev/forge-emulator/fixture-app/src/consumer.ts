import { getAppContext } from '@forge/api';
import { InvocationError, InvocationErrorCode, Queue } from '@forge/events';
import { kvs } from '@forge/kvs';
import { describe, probe, runtimeAccountId, sleep } from './probe';

type WorkEvent = {
  body: { mode?: string; retryAfter?: number; next?: number; n?: number };
  retryContext?: { retryCount: number };
  concurrency?: { key: string };
};

/** Behaves as `body.mode` says, so one consumer can show every delivery rule. */
export async function consume(event: WorkEvent, context: Record<string, unknown>) {
  probe.deliveries.push({ event, context, at: Date.now() });
  const { mode } = event.body;
  if (mode === 'retry-once' && !event.retryContext) {
    return new InvocationError({
      retryAfter: event.body.retryAfter ?? 1,
      retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
      retryData: { reason: 'first try' },
    });
  }
  if (mode === 'always-retry')
    return new InvocationError({
      retryAfter: 1,
      retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
      retryData: { again: true },
    });
  if (mode === 'throw') throw new Error('consumer exploded');
  if (mode === 'slow-first' && !event.retryContext) {
    await sleep(1300);
    try {
      await kvs.set('late-write', true); // after the timeout: must not reach storage
      probe.notes.push({ lateWrite: 'stored' });
    } catch (error) {
      probe.notes.push({ lateWrite: describe(error) });
    }
  }
  if (mode === 'concurrency') {
    const key = event.concurrency?.key ?? 'none';
    probe.running[key] = (probe.running[key] ?? 0) + 1;
    probe.maxRunning[key] = Math.max(probe.maxRunning[key] ?? 0, probe.running[key]);
    await sleep(25);
    probe.running[key] -= 1;
  }
  if (mode === 'context') {
    await sleep(15);
    probe.notes.push({ consumer: getAppContext().moduleKey, aaid: runtimeAccountId() });
  }
  if (mode === 'chain' && (event.body.next ?? 0) > 0) {
    await new Queue({ key: 'work' }).push({ body: { mode: 'chain', next: (event.body.next ?? 0) - 1 } });
  }
  return undefined;
}
