import type { EmulatorCore } from '../core/emulator-core';
import type { PendingMessage } from './pending-message';
import { interpretOutcome, type DeliveryResult } from './retry-policy';

/** Consumers run up to their `timeoutSeconds` (default 55, max 900; async-events-api "Manifest configuration"). */
const DEFAULT_TIMEOUT_SECONDS = 55;
const MAX_TIMEOUT_SECONDS = 900;
/** Async events are kept for 24 hours (async-events-api "Retention window"). */
const RETENTION_MS = 24 * 3600 * 1000;

/** The `AsyncEvent` a consumer receives: the pushed event plus `queueName`, `jobId`, `eventId`, `retryContext`. */
function asyncEvent(core: EmulatorCore, message: PendingMessage): Record<string, unknown> {
  const retentionWindow = {
    startTime: new Date(message.enqueuedAt).toISOString(),
    remainingTimeMs: Math.max(0, message.enqueuedAt + RETENTION_MS - core.options.clock()),
  };
  return {
    body: message.body,
    queueName: message.source,
    jobId: message.jobId,
    eventId: message.eventId,
    ...(message.delayInSeconds !== undefined ? { delayInSeconds: message.delayInSeconds } : {}),
    ...(message.concurrency ? { concurrency: message.concurrency } : {}),
    ...(message.retryContext ? { retryContext: { ...message.retryContext, retentionWindow } } : {}),
  };
}

/**
 * Invokes the consumer bound to the message's queue. The emulator gives up after four retries where
 * Forge keeps retrying within the 24 h retention window, so that a sandbox run ends.
 */
export async function deliverQueueMessage(
  core: EmulatorCore,
  message: PendingMessage,
): Promise<DeliveryResult> {
  const definition = core.manifest.functions.get(message.functionKey);
  const timeoutSeconds = Math.min(MAX_TIMEOUT_SECONDS, definition?.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS);
  const context = {
    cloudId: core.options.cloudId,
    moduleKey: message.moduleKey,
    installContext: core.identity.contextAri,
  };
  const outcome = await core.runner.run({
    functionKey: message.functionKey,
    moduleKey: message.moduleKey,
    kind: 'consumer',
    timeoutMs: timeoutSeconds * 1000,
    args: [asyncEvent(core, message), context],
  });
  return interpretOutcome(outcome, message.retryCount, true);
}
