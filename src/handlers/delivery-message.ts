import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { UnreadableMessage } from '../application/services/delivery-records';
import { botJobSchema } from '../domain/bot-job';
import { catchUpRequestSchema } from '../domain/catch-up';
import { destinationSchema } from '../domain/rule';
import { personalAudienceSchema, plannedDeliverySchema } from './planned-delivery.schema';

const digestSchema = z.object({
  concurrencyKey: z.string().min(1).max(200),
  destination: destinationSchema.refine((d) => d.type !== 'personal'),
  deferredTo: z.number().int().nonnegative().optional(),
});

/**
 * One event of the delivery queue: a delivery, a destination's digest or a companion bot job, and
 * the platform's retry context.
 */
export const deliveryQueueEventSchema = z.object({
  body: z.union([
    z.object({ delivery: plannedDeliverySchema }),
    z.object({ digest: digestSchema }),
    z.object({ botJob: botJobSchema }),
    z.object({ personalAudience: personalAudienceSchema }),
    z.object({ catchUp: catchUpRequestSchema }),
  ]),
  // A retry context the platform shaped differently must not make a good message unreadable.
  retryContext: z
    .object({
      retryCount: z.number().int().nonnegative(),
      // What this consumer put in its InvocationError; anything else is not ours.
      retryData: z.object({ unconfirmed: z.boolean() }).partial().nullish().catch(undefined),
    })
    .partial()
    .optional()
    .catch(undefined),
});

const digits = z.string().regex(/^\d{1,20}$/);

/** One field of an untrusted value, or null when it is missing or not what it should be. */
const field = <T>(schema: z.ZodType<T>, value: unknown): T | null => {
  const read = schema.safeParse(value);
  return read.success ? read.data : null;
};

const pathOf = (prefix: string, error: z.ZodError | undefined): string => {
  const path = error?.issues[0]?.path.join('.');
  return path ? `${prefix}.${path}` : prefix;
};

/** Where the body went wrong, as a field path: schema keys and indexes only, never a value. */
const problemIn = (body: Record<string, unknown> | null): string => {
  if (body && 'delivery' in body)
    return pathOf('delivery', plannedDeliverySchema.safeParse(body['delivery']).error);
  if (body && 'digest' in body) return pathOf('digest', digestSchema.safeParse(body['digest']).error);
  if (body && 'botJob' in body) return pathOf('botJob', botJobSchema.safeParse(body['botJob']).error);
  if (body && 'personalAudience' in body)
    return pathOf('personalAudience', personalAudienceSchema.safeParse(body['personalAudience']).error);
  if (body && 'catchUp' in body)
    return pathOf('catchUp', catchUpRequestSchema.safeParse(body['catchUp']).error);
  return 'neither a delivery, a digest nor a bot job';
};

/**
 * What can be recovered of a queue event that failed `deliveryQueueEventSchema`: the delivery's
 * key, content, first sender and destination, each only if it reads as one. Without a delivery
 * key, the row is keyed by a hash of the body, which a redelivered copy repeats.
 */
export const unreadableMessage = (event: unknown): UnreadableMessage => {
  const rawBody = (event as { body?: unknown } | null)?.body;
  const body = rawBody !== null && typeof rawBody === 'object' ? (rawBody as Record<string, unknown>) : null;
  const delivery = body?.['delivery'] as
    | { deliveryKey?: unknown; destination?: unknown; senders?: unknown; event?: { contentId?: unknown } }
    | undefined;
  const firstSender = Array.isArray(delivery?.senders)
    ? (delivery.senders[0] as { ownerAccountId?: unknown } | undefined)
    : undefined;
  const hash = createHash('sha256')
    .update(JSON.stringify(rawBody) ?? 'undefined')
    .digest('hex')
    .slice(0, 32);
  return {
    key: field(z.string().min(1).max(400), delivery?.deliveryKey) ?? `unreadable:${hash}`,
    contentId: field(digits, delivery?.event?.contentId),
    ownerAccountId: field(z.string().min(1).max(128), firstSender?.ownerAccountId),
    destination: field(destinationSchema, delivery?.destination),
    problem: problemIn(body),
  };
};

/** The attempt number of any queue event, however malformed its body. */
export const attemptOf = (event: unknown): number =>
  (field(z.object({ retryContext: z.object({ retryCount: z.number().int().nonnegative() }) }), event)
    ?.retryContext.retryCount ?? 0) + 1;
