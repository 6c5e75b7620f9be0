import type { EmulatorCore } from '../core/emulator-core';
import { bodyText, emptyResponse, jsonResponse } from '../runtime/platform-responses';
import type { PendingMessage } from './pending-message';

/** The body `Queue.push` posts to /webhook/queue/publish/... (queue.js). */
interface PushRequest {
  queueName?: string;
  jobId?: string;
  payload?: Array<{
    body?: unknown;
    delayInSeconds?: unknown;
    concurrency?: { key?: unknown; limit?: unknown };
  }>;
}

/** Push limits (runtime-reference/async-events-api "Push API"): 50 events, 200 KB, 15 minutes of delay. */
const MAX_EVENTS = 50;
const MAX_PAYLOAD_KB = 200;
const MAX_DELAY_SECONDS = 900;
const QUEUE_NAME = /^[a-zA-Z0-9-_]+$/;

const refuse = (message: string) => jsonResponse(400, { message });

function invalidEvent(event: NonNullable<PushRequest['payload']>[number]): string | undefined {
  if (event.body === null || typeof event.body !== 'object' || Array.isArray(event.body))
    return 'Event body must be an object.';
  const delay = event.delayInSeconds;
  if (delay !== undefined && (typeof delay !== 'number' || delay < 0 || delay > MAX_DELAY_SECONDS)) {
    return 'The delayInSeconds setting must be between 0 and 900.';
  }
  const concurrency = event.concurrency;
  if (concurrency !== undefined) {
    const { key, limit } = concurrency;
    if (typeof key !== 'string' || key.length === 0 || !Number.isInteger(limit) || (limit as number) < 1) {
      return 'concurrency needs a non-empty key and a positive integer limit.';
    }
  }
  return undefined;
}

/** Validates a push as the service does (the SDK checks the same limits before sending) and enqueues it. */
function push(core: EmulatorCore, request: PushRequest): Response {
  const queueName = request.queueName ?? '';
  if (!QUEUE_NAME.test(queueName))
    return refuse('Queue names can only contain alphanumeric characters, dashes and underscores.');
  const consumers = core.manifest.consumers.filter((consumer) => consumer.queue === queueName);
  if (consumers.length === 0) return refuse(`No consumer in manifest.yml listens to queue '${queueName}'.`);
  const events = Array.isArray(request.payload) ? request.payload : [];
  if (events.length === 0) return refuse('No events pushed.');
  if (events.length > MAX_EVENTS)
    return refuse(`This push contains more than the ${MAX_EVENTS} events allowed.`);
  if (Buffer.byteLength(JSON.stringify(events)) / 1024 > MAX_PAYLOAD_KB) {
    return jsonResponse(413, { errorMessage: `The maximum payload size is ${MAX_PAYLOAD_KB}KB.` });
  }
  const problem = events.map(invalidEvent).find(Boolean);
  if (problem) return refuse(problem);
  const jobId = request.jobId ?? '';
  const { clock, delayScale } = core.options;
  const now = clock();
  const messages: Array<Omit<PendingMessage, 'id' | 'seq'>> = events.flatMap((event, index) =>
    consumers.map((consumer) => ({
      kind: 'queue' as const,
      source: queueName,
      moduleKey: consumer.key,
      functionKey: consumer.functionKey,
      eventId: `${jobId}#${index}`,
      jobId,
      body: event.body,
      ...(event.delayInSeconds !== undefined ? { delayInSeconds: event.delayInSeconds as number } : {}),
      ...(event.concurrency ? { concurrency: event.concurrency as { key: string; limit: number } } : {}),
      readyAt: Date.now() + ((event.delayInSeconds as number | undefined) ?? 0) * 1000 * delayScale,
      enqueuedAt: now,
      retryCount: 0,
    })),
  );
  core.jobs.register(jobId, messages.length);
  core.stats.queuePush(events.length);
  core.scheduler.enqueue(messages);
  core.persistSoon();
  return jsonResponse(201, { jobId });
}

/** Answers the queue paths of `@forge/events` (queries.js): publish, stats and cancel. */
export function handleQueueRequest(core: EmulatorCore, path: string, init?: RequestInit): Response {
  const { jobs } = core;
  let request: PushRequest;
  try {
    request = JSON.parse(bodyText(init) || '{}') as PushRequest;
  } catch {
    return refuse('The request body is not JSON.');
  }
  if (path.startsWith('/webhook/queue/publish/')) return push(core, request);
  const jobId = request.jobId ?? '';
  if (path.startsWith('/webhook/queue/stats/')) {
    const stats = jobs.stats(jobId);
    return stats ? jsonResponse(200, stats) : jsonResponse(404, { message: 'Job not found' });
  }
  if (path.startsWith('/webhook/queue/cancel/')) {
    if (!jobs.stats(jobId)) return jsonResponse(404, { message: 'Job not found' });
    jobs.cancelled(jobId, core.scheduler.cancelJob(jobId));
    return emptyResponse(204);
  }
  return jsonResponse(404, { message: `Unknown queue path ${path}` });
}
