import { z } from 'zod';
import { DELIVERY_STATUSES } from '../application/use-cases/delivery-log/delivery-log';
import type { ShareRequest } from '../application/use-cases/notifications/share-content';
import type { ShareInput } from '../contracts/sharing';
import type { DeliveryStatus } from '../domain/delivery';
import { destinationSchema, ruleScopeSchema } from '../domain/rule';

/**
 * Input schemas of the resolvers that have no domain schema of their own. All strict: an
 * unknown field is a mistake in the caller, answered with invalid_input before anything runs.
 */
export const nothing = z.object({}).strict() as unknown as z.ZodType<
  Record<string, never>,
  Record<string, never>
>;

const { spaceKey, contentId } = ruleScopeSchema.shape;

export const contextInput = z.object({ spaceKey, contentId }).strict();

/** A scope that names what it is about: a space rule list without a space is a caller mistake. */
export const scopeInput = ruleScopeSchema.strict().superRefine((input, ctx) => {
  if (input.scope === 'space' && !input.spaceKey) {
    ctx.addIssue({ code: 'custom', path: ['spaceKey'], message: 'Choose a space' });
  }
  if (input.scope === 'content' && !input.contentId) {
    ctx.addIssue({ code: 'custom', path: ['contentId'], message: 'Choose a page' });
  }
});

/** The page whose covering rules are asked for. */
export const coveringInput = z
  .object({ contentId: z.string().regex(/^\d{1,20}$/, 'Not a content id') })
  .strict();

export const ruleIdInput = z.object({ id: z.string().uuid('Not a rule id') }).strict();

const [channel, chat] = destinationSchema.options;

export const shareInput = z
  .object({
    contentId: z.string().regex(/^\d{1,20}$/, 'Not a content id'),
    // A plain union, so a refusal lands on `destination` itself, where the form shows it.
    destination: z.union([channel, chat], {
      error: 'Share to a channel or a chat; personal sharing needs the companion bot',
    }),
    note: z.string().trim().max(500, 'Keep the note under 500 characters').optional(),
  })
  // The schema accepts more than the contract's type (display names may be left out).
  .strict() as unknown as z.ZodType<ShareRequest, ShareInput>;

export const deliveryListInput = z
  .object({
    status: z
      .enum(DELIVERY_STATUSES as [DeliveryStatus, ...DeliveryStatus[]], {
        error: `Choose one of: ${DELIVERY_STATUSES.join(', ')}`,
      })
      .optional(),
  })
  .strict();

/** Delivery health, following at most ten retried rows (the page's own retries). */
export const deliveryHealthInput = z
  .object({
    follow: z.array(z.string().min(1).max(500)).max(10, 'Follow at most 10 deliveries').optional(),
  })
  .strict();

export const deliveryKeyInput = z.object({ key: z.string().min(1, 'Choose a delivery').max(500) }).strict();

/** A name typed into the people picker; the use case asks nothing under two characters. */
export const peopleQueryInput = z
  .object({ query: z.string().max(100, 'Type at most 100 characters') })
  .strict();

/** Account ids stored in a rule's author filters. */
export const accountIdsInput = z
  .object({
    accountIds: z
      .array(z.string().regex(/^[A-Za-z0-9:_-]{1,128}$/, 'Not an account id'))
      .max(20, 'Ask for at most 20 people'),
  })
  .strict();

export const teamInput = z.object({ teamId: z.string().min(1, 'Choose a team').max(200) }).strict();

/** A completion code is the app's own 43-character value; its shape is checked again by the use case. */
export const signInCompletionInput = z.object({ code: z.string().min(1).max(100) }).strict();

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which app is the bot; a separate bot's id is a GUID from Teams Developer Portal or Entra. */
export const botRegistrationInput = z.discriminatedUnion(
  'kind',
  [
    z.object({ kind: z.literal('tenant-app') }).strict(),
    z
      .object({
        kind: z.literal('separate'),
        botId: z
          .string()
          .trim()
          .regex(GUID, 'Enter the bot id, a GUID from Teams Developer Portal (Bot management)'),
        /** Absent or empty keeps the stored secret. */
        botSecret: z.string().trim().max(1024, 'A client secret is shorter than this').optional(),
        secretExpiresOn: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, 'Enter the date as YYYY-MM-DD')
          .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), 'Not a date'),
      })
      .strict(),
  ],
  { error: 'Choose which app is the bot' },
);

export const linkPreviewsInput = z.object({ enabled: z.boolean() }).strict();
