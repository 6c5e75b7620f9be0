import { randomUUID } from 'node:crypto';
import type { EmulatorCore } from '../core/emulator-core';
import type { TriggerModule } from '../manifest/manifest-model';
import type { PendingMessage } from '../queue/pending-message';
import { deliverToTrigger } from './trigger-delivery';

/** Events over 200 kB are not delivered (PLATFORM-FACTS "Product events"). */
const MAX_EVENT_BYTES = 200 * 1024;

function firstAttempt(
  core: EmulatorCore,
  trigger: TriggerModule,
  eventType: string,
  event: object,
): PendingMessage {
  const now = core.options.clock();
  return {
    id: randomUUID(),
    kind: 'event',
    source: eventType,
    moduleKey: trigger.key,
    functionKey: trigger.functionKey,
    eventId: randomUUID(),
    body: event,
    readyAt: Date.now(),
    enqueuedAt: now,
    retryCount: 0,
    seq: -1,
  };
}

/**
 * Delivers a product event to every trigger listening to it: `{ ...payload, eventType }`. With
 * `filter.ignoreSelf` events caused by the app's own account are dropped; without it they arrive with
 * `selfGenerated: true` (events-reference/product_events "ignoreSelf"). Retries go through the scheduler.
 */
export async function emitProductEvent(
  core: EmulatorCore,
  eventType: string,
  payload: object,
): Promise<void> {
  core.stats.productEvent();
  const event = { ...payload, eventType };
  if (Buffer.byteLength(JSON.stringify(event)) > MAX_EVENT_BYTES) {
    core.warn(`product event ${eventType} is over 200 kB and was not delivered`);
    return;
  }
  const selfCaused = (payload as { atlassianId?: unknown }).atlassianId === core.options.appAccountId;
  const { duplicateRate, random } = core.options;
  const attempts = core.manifest.triggers
    .filter((trigger) => trigger.events.includes(eventType) && !(trigger.ignoreSelf && selfCaused))
    .flatMap((trigger) => {
      const delivered = selfCaused ? { ...event, selfGenerated: true } : event;
      const copies = duplicateRate > 0 && random() < duplicateRate ? 2 : 1;
      return Array.from({ length: copies }, async () => {
        const message = firstAttempt(core, trigger, eventType, delivered);
        core.scheduler.afterAttempt(message, await deliverToTrigger(core, trigger, delivered));
      });
    });
  await Promise.all(attempts);
}

/** Delivers a scheduled retry of a product event. */
export function deliverEventRetry(core: EmulatorCore, message: PendingMessage) {
  const trigger = core.manifest.triggers.find((candidate) => candidate.key === message.moduleKey);
  if (!trigger) throw new Error(`manifest.yml has no trigger '${message.moduleKey}'`);
  return deliverToTrigger(core, trigger, message.body as object, message.retryContext);
}
