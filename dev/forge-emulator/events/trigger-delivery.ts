import type { EmulatorCore } from '../core/emulator-core';
import type { TriggerModule } from '../manifest/manifest-model';
import type { RetryContext } from '../queue/pending-message';
import { interpretOutcome, type DeliveryResult } from '../queue/retry-policy';

/** Resolvers and product triggers get 25 s (PLATFORM-FACTS "Runtime"). */
export const TRIGGER_TIMEOUT_MS = 25_000;

/**
 * A retried product event carries `retryContext`; `retryData` that is not an object is not sent on
 * retry (known bug ECO-734, events-reference/product_events "Retry for app level errors").
 */
function withRetryContext(event: object, retryContext?: RetryContext): object {
  if (!retryContext) return event;
  const { retryData, ...rest } = retryContext;
  const keepData = retryData !== null && typeof retryData === 'object';
  return { ...event, retryContext: keepData ? { ...rest, retryData } : rest };
}

/** Invokes one trigger function with `(event, context)` as Forge does and says what should happen next. */
export async function deliverToTrigger(
  core: EmulatorCore,
  trigger: TriggerModule,
  event: object,
  retryContext?: RetryContext,
): Promise<DeliveryResult> {
  const context = {
    cloudId: core.options.cloudId,
    moduleKey: trigger.key,
    installContext: core.identity.contextAri,
  };
  const outcome = await core.runner.run({
    functionKey: trigger.functionKey,
    moduleKey: trigger.key,
    kind: 'trigger',
    timeoutMs: TRIGGER_TIMEOUT_MS,
    args: [withRetryContext(event, retryContext), context],
  });
  return interpretOutcome(outcome, retryContext?.retryCount ?? 0, false);
}
