import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { deliverNotification } from '../application/deliver-notification';
import { flushDigest } from '../application/flush-digest';
import { backgroundDeps } from '../composition-root';
import { destinationSchema } from '../domain/rule';
import { plannedDeliverySchema } from './planned-delivery.schema';

const digestSchema = z.object({
  concurrencyKey: z.string().min(1).max(200),
  destination: destinationSchema.refine((d) => d.type !== 'personal'),
});

const queueEvent = z.object({
  body: z.union([z.object({ delivery: plannedDeliverySchema }), z.object({ digest: digestSchema })]),
  retryContext: z
    .object({
      retryCount: z.number().int().nonnegative(),
      // What this consumer put in its InvocationError; anything else is not ours.
      retryData: z.object({ unconfirmed: z.boolean() }).partial().nullish().catch(undefined),
    })
    .partial()
    .optional(),
});

/**
 * One delivery, or one destination's digest, per queue event. Throttling and passing outages go
 * back to the queue with the server's Retry-After; everything else ends in a delivery row.
 */
export const handleDelivery = async (event: unknown): Promise<InvocationError | void> => {
  const parsed = queueEvent.safeParse(event);
  if (!parsed.success) {
    // A malformed message can never succeed: retrying it would only repeat the failure.
    console.error(`Delivery message rejected: ${parsed.error.issues[0]?.path.join('.') ?? 'body'}`);
    return;
  }
  const retry = parsed.data.retryContext;
  const attempt = {
    number: (retry?.retryCount ?? 0) + 1,
    // A retry the consumer did not ask for (a timeout, a crash) may follow a send that went out.
    unconfirmed: retry !== undefined && retry.retryData?.unconfirmed !== false,
  };
  const body = parsed.data.body;
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
