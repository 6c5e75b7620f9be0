import { z } from 'zod';
import { EVENT_KINDS } from '../domain/content-event';
import { destinationSchema } from '../domain/rule';

/** A queue message comes back from the platform as JSON: check it before trusting it. */
export const plannedDeliverySchema = z.object({
  deliveryKey: z.string().min(1).max(400),
  concurrencyKey: z.string().min(1).max(200),
  destination: destinationSchema,
  ownerAccountId: z.string().min(1).max(128),
  ruleIds: z.array(z.string()).min(1),
  event: z.object({
    kind: z.enum(EVENT_KINDS),
    contentId: z.string().regex(/^\d+$/),
    contentType: z.enum(['page', 'blogpost']),
    title: z.string(),
    spaceKey: z.string(),
    spaceName: z.string(),
    actorAccountId: z.string().nullable(),
    version: z.number().int().positive(),
    minorEdit: z.boolean(),
    occurredAt: z.string(),
  }),
});
