import { InvocationError, InvocationErrorCode } from '@forge/events';
import { forwardContentEvent } from '../application/use-cases/notifications/forward-content-event';
import { backgroundDeps } from '../composition-root';

type RetriedEvent = {
  retryContext?: { retryCount?: unknown; retryData?: { afterFailure?: unknown } };
} | null;

/** 15 s, 30 s, 60 s, 120 s: the platform gives a product event four retries. */
const retryAfterSeconds = (event: unknown): number => {
  const count = (event as RetriedEvent)?.retryContext?.retryCount;
  return 15 * 2 ** Math.min(4, typeof count === 'number' && count >= 0 ? count : 0);
};

/**
 * A retry this trigger asked for: an earlier run may have pushed part of the event's deliveries
 * (an event with more than one push) and a consumer may have marked it handled since, so the
 * retry must not take the ledger's word for it. What it queues again, the delivery rows dedupe.
 */
const isOwnRetry = (event: unknown): boolean =>
  (event as RetriedEvent)?.retryContext?.retryData?.afterFailure === true;

/**
 * `avi:confluence:*` for pages, blog posts, comments and labels: thin, the consumer does the
 * sending. Forge retries a product trigger only when asked, so a failure (KVS, Confluence, the
 * queue) asks for a retry instead of losing the event.
 */
export const handleContentEvent = async (event: unknown): Promise<InvocationError | void> => {
  try {
    const outcome = await forwardContentEvent(backgroundDeps, event, { trustLedger: !isOwnRetry(event) });
    if (outcome.kind === 'ignored' || outcome.kind === 'echo')
      console.log(`Content event ${outcome.kind}: ${outcome.reason}`);
    else if (outcome.kind === 'queued') console.log(`Content event queued ${outcome.deliveries} deliveries`);
    else console.log('Content event duplicate');
  } catch (error) {
    // Store and Confluence errors name a status and an id, never a token.
    const detail = error instanceof Error ? `${error.name}: ${error.message.slice(0, 200)}` : 'error';
    console.error(`Content event failed, asking for a retry: ${detail}`);
    return new InvocationError({
      retryAfter: retryAfterSeconds(event),
      retryReason: InvocationErrorCode.FUNCTION_RETRY_REQUEST,
      retryData: { afterFailure: true },
    });
  }
};
