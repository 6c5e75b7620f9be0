import { z } from 'zod';
import { COMMENT_LOCATIONS, EVENT_KINDS } from '../domain/content-event';
import { PERSONAL_REASONS } from '../domain/personal-notification';
import { destinationSchema, labelList } from '../domain/rule';

const digits = z.string().regex(/^\d{1,20}$/);

const plannedSenderSchema = z.object({
  ruleId: z.string().min(1).max(128),
  // Optional: messages queued before the version was carried are judged against the rule as it is.
  ruleVersion: z.number().int().positive().optional(),
  ownerAccountId: z.string().min(1).max(128),
  cql: z.string().max(1000),
  restrictedContent: z.enum(['skip', 'redact']),
  mentions: z.literal(false).optional(),
  check: z
    .object({
      labels: z.object({ labelsAny: labelList, labelsAll: labelList, labelsNone: labelList }).optional(),
      underPageId: digits.optional(),
    })
    .optional(),
});

/** A normalised content event as a queue message carries it. */
export const contentEventSchema = z.object({
  kind: z.enum(EVENT_KINDS),
  contentId: digits,
  contentType: z.enum(['page', 'blogpost']),
  title: z.string(),
  spaceKey: z.string(),
  spaceName: z.string(),
  actorAccountId: z.string().nullable(),
  version: z.number().int().positive(),
  minorEdit: z.boolean(),
  occurredAt: z.string(),
  labels: z.array(z.string()).optional(),
  ancestorIds: z.array(digits).optional(),
  comment: z
    .object({
      id: digits,
      location: z.enum(COMMENT_LOCATIONS),
      parentCommentId: digits.nullable(),
      version: z.number().int().positive(),
    })
    .optional(),
  label: z.string().optional(),
});

/** A queue message comes back from the platform as JSON: check it before trusting it. */
export const plannedDeliverySchema = z.object({
  deliveryKey: z.string().min(1).max(400),
  concurrencyKey: z.string().min(1).max(200),
  destination: destinationSchema,
  senders: z.array(plannedSenderSchema).min(1),
  event: contentEventSchema,
  personalReasons: z.array(z.enum(PERSONAL_REASONS)).max(PERSONAL_REASONS.length).optional(),
  recipientMicrosoftUser: z.string().min(3).max(200).optional(),
  deferredTo: z.number().int().nonnegative().optional(),
});

/**
 * The personal side of an event: the consumer finds who gets a personal card (watchers,
 * mentions, authors) and plans their deliveries together with the "me personally" rules'.
 */
export const personalAudienceSchema = z.object({
  event: contentEventSchema,
  ruleSenders: z.array(plannedSenderSchema).max(500),
});
