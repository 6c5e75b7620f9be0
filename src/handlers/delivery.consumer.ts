import { InvocationError, InvocationErrorCode } from '@forge/events';
import { z } from 'zod';
import { deliverNotification } from '../application/deliver-notification';
import { backgroundDeps } from '../composition-root';
import { plannedDeliverySchema } from './planned-delivery.schema';

const queueEvent = z.object({
  body: z.object({ delivery: plannedDeliverySchema }),
  retryContext: z.object({ retryCount: z.number().int().nonnegative() }).partial().optional(),
});

/** One delivery per queue event. Throttling goes back to the queue with Teams' Retry-After. */
export const handleDelivery = async (event: unknown): Promise<InvocationError | void> => {
  const parsed = queueEvent.safeParse(event);
  if (!parsed.success) {
    // A malformed message can never succeed: retrying it would only repeat the failure.
    console.error(`Delivery message rejected: ${parsed.error.issues[0]?.path.join('.') ?? 'body'}`);
    return;
  }
  const attempt = (parsed.data.retryContext?.retryCount ?? 0) + 1;
  const outcome = await deliverNotification(backgroundDeps, parsed.data.body.delivery, attempt);
  console.log(`Delivery ${outcome.kind} (attempt ${attempt})`);
  if (outcome.kind === 'retry') {
    return new InvocationError({
      retryAfter: Math.min(900, Math.max(1, outcome.retryAfterSeconds)),
      retryReason: InvocationErrorCode.FUNCTION_UPSTREAM_RATE_LIMITED,
      retryData: { reason: outcome.reason },
    });
  }
};
