import { InvocationError, InvocationErrorCode } from '@forge/events';
import { deliverNotification } from '../application/use-cases/notifications/deliver-notification';
import { recordUnreadableMessage } from '../application/services/delivery-records';
import { flushDigest } from '../application/use-cases/notifications/flush-digest';
import { doBotWork } from '../application/use-cases/bot/bot-work';
import { planPersonalAudience } from '../application/use-cases/notifications/personal-audience';
import { sendCatchUp } from '../application/use-cases/notifications/send-catch-up';
import { backgroundDeps } from '../composition-root';
import { attemptOf, deliveryQueueEventSchema, unreadableMessage } from './delivery-message';

/**
 * One delivery, or one destination's digest, per queue event. Throttling and passing outages go
 * back to the queue with the server's Retry-After; everything else ends in a delivery row.
 */
export const handleDelivery = async (event: unknown): Promise<InvocationError | void> => {
  const parsed = deliveryQueueEventSchema.safeParse(event);
  if (!parsed.success) {
    // A malformed message can never succeed: no retry, but a failed row the site admin sees
    // (invariant 5). If even that write fails, the error lets the platform try again.
    const unreadable = unreadableMessage(event);
    const outcome = await recordUnreadableMessage(backgroundDeps, unreadable, attemptOf(event));
    console.error(`Delivery message rejected (${unreadable.problem}): ${outcome}`);
    return;
  }
  const retry = parsed.data.retryContext;
  const attempt = {
    number: (retry?.retryCount ?? 0) + 1,
    // A retry the consumer did not ask for (a timeout, a crash) may follow a send that went out.
    unconfirmed: retry !== undefined && retry.retryData?.unconfirmed !== false,
  };
  const body = parsed.data.body;
  if ('personalAudience' in body) {
    // Reads only; a failure goes back to the queue (the deliveries it plans are idempotent).
    const planned = await planPersonalAudience(backgroundDeps, body.personalAudience);
    console.log(`Personal audience: ${planned.recipients} recipients, ${planned.dropped} over the limit`);
    return;
  }
  if ('catchUp' in body) {
    const done = await sendCatchUp(backgroundDeps, body.catchUp, attempt);
    console.log(`Catch-up ${done.kind === 'done' ? done.status : done.kind} (attempt ${attempt.number})`);
    if (done.kind !== 'retry') return;
    return new InvocationError({
      retryAfter: Math.min(900, Math.max(1, done.retryAfterSeconds)),
      retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
      retryData: { reason: done.reason, unconfirmed: done.unconfirmed === true },
    });
  }
  if ('botJob' in body) {
    const done = await doBotWork(backgroundDeps, body.botJob, attempt.number);
    console.log(`Bot ${body.botJob.kind} ${done.kind} (attempt ${attempt.number})`);
    if (done.kind === 'retry') {
      return new InvocationError({
        retryAfter: Math.min(900, Math.max(1, done.retryAfterSeconds)),
        retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
        retryData: { reason: done.reason },
      });
    }
    if (done.kind === 'failed') console.error(`Bot ${body.botJob.kind} not done: ${done.reason}`);
    return;
  }
  const outcome =
    'delivery' in body
      ? await deliverNotification(backgroundDeps, body.delivery, attempt)
      : await flushDigest(backgroundDeps, body.digest, attempt);
  // A skip's reason is one of the app's own sentences (no titles): worth having in the logs.
  const why = outcome.kind === 'skipped' ? `: ${outcome.reason}` : '';
  console.log(
    `${'delivery' in body ? 'Delivery' : 'Digest'} ${outcome.kind} (attempt ${attempt.number})${why}`,
  );
  if (outcome.kind === 'retry') {
    return new InvocationError({
      retryAfter: Math.min(900, Math.max(1, outcome.retryAfterSeconds)),
      retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
      retryData: { reason: outcome.reason, unconfirmed: outcome.unconfirmed === true },
    });
  }
};
