import type { InvocationOutcome } from '../runtime/invocation-runner';

/** What the platform does with a message after one attempt. */
export type DeliveryResult =
  | { kind: 'done' }
  | { kind: 'retry'; afterSeconds: number; reason: string; retryData?: unknown; detail?: string }
  | { kind: 'drop'; reason: string };

/** Retries per message before it is given up (ARCHITECTURE.md §7; product events allow four retries). */
export const MAX_RETRIES = 4;
/** `retryAfter` above 900 s is lowered to 900 s (runtime-reference/async-events-api, "RetryOptions"). */
const MAX_RETRY_AFTER_SECONDS = 900;
const BACKOFF_BASE_SECONDS = 5;

/** Exponential backoff for retries the function did not time itself: 5 s, 10 s, 20 s, … up to 15 min. */
export function backoffSeconds(retryCount: number): number {
  return Math.min(MAX_RETRY_AFTER_SECONDS, BACKOFF_BASE_SECONDS * 2 ** retryCount);
}

interface RetryRequest {
  _retry: true;
  retryOptions?: { retryAfter?: number; retryReason?: string; retryData?: unknown };
}

/** `new InvocationError(...)` and `QueueResponse.retry()` both serialise to `{ _retry: true, ... }` (invocationError.js). */
export function isRetryRequest(value: unknown): value is RetryRequest {
  return value !== null && typeof value === 'object' && (value as { _retry?: unknown })._retry === true;
}

function retryFrom(request: RetryRequest, retryCount: number): DeliveryResult {
  const options = request.retryOptions ?? {};
  const afterSeconds =
    typeof options.retryAfter === 'number'
      ? Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, options.retryAfter))
      : backoffSeconds(retryCount);
  return {
    kind: 'retry',
    afterSeconds,
    reason: options.retryReason ?? 'FUNCTION_RETRY_REQUEST',
    retryData: options.retryData,
  };
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Maps an invocation outcome to the platform's next step. A retry request (returned or thrown) and a
 * timeout are retried; other errors are retried for queue consumers (app-level errors, async-events-api
 * "Retries") but not for product triggers, where Forge only retries on request or on platform errors
 * (events-reference/product_events, "Retry Atlassian app events").
 */
export function interpretOutcome(
  outcome: InvocationOutcome,
  retryCount: number,
  retryThrownErrors: boolean,
): DeliveryResult {
  if (outcome.ok) {
    return isRetryRequest(outcome.value) ? retryFrom(outcome.value, retryCount) : { kind: 'done' };
  }
  if (outcome.timedOut) {
    return {
      kind: 'retry',
      afterSeconds: backoffSeconds(retryCount),
      reason: 'FUNCTION_TIME_OUT',
      detail: messageOf(outcome.error),
    };
  }
  if (isRetryRequest(outcome.error)) return retryFrom(outcome.error, retryCount);
  if (retryThrownErrors) {
    return {
      kind: 'retry',
      afterSeconds: backoffSeconds(retryCount),
      reason: 'FUNCTION_PLATFORM_UNKNOWN_ERROR',
      detail: messageOf(outcome.error),
    };
  }
  return {
    kind: 'drop',
    reason: `The function failed: ${messageOf(outcome.error)} (not retried: app errors of triggers are not retried)`,
  };
}
