import { z } from 'zod';

const microsoftUser = z
  .string()
  .min(3)
  .max(200)
  .regex(/^[0-9a-f-]+:[0-9a-f-]+$/);
const accountId = z.string().min(1).max(128);
const siteUrl = z.string().url().max(512).optional();

/**
 * Work the companion bot does off the request that caused it, on the delivery queue under the
 * person's own concurrency key: greetings and confirmations in the 1:1 chat, and answers to
 * commands. Ids only: the consumer reads everything else fresh.
 */
export const botJobSchema = z.discriminatedUnion('kind', [
  /** The app was installed or the chat opened: welcome the person, or confirm their connection. */
  z.object({ kind: z.literal('greet'), microsoftUser }),
  /** A login finished in Confluence: confirm it in the 1:1 chat, now or once the app is there. */
  z.object({ kind: z.literal('confirm-connection'), accountId, siteUrl }),
  /** The person disconnected in Confluence: say so in the chat they had with the bot. */
  z.object({ kind: z.literal('disconnected'), microsoftUser, siteUrl }),
  /** A command typed to the bot. */
  z.object({
    kind: z.literal('command'),
    microsoftUser,
    command: z.enum(['help', 'status', 'disconnect', 'unknown']),
  }),
  /** "Send me a test message" from the global settings page. */
  z.object({ kind: z.literal('test-message'), accountId, siteUrl }),
  /** A site admin is told, once per threshold, that a Microsoft secret expires soon. */
  z.object({
    kind: z.literal('expiry-warning'),
    accountId,
    secret: z.enum(['client-secret', 'bot-secret']),
    expiresOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    threshold: z.union([z.literal(30), z.literal(7), z.literal(1)]),
  }),
  /** Microsoft refused the person's sign-in: tell them once to log in again. */
  z.object({ kind: z.literal('needs-login'), accountId }),
]);

export type BotJob = z.infer<typeof botJobSchema>;

/** A command as typed in Teams ("Help", " status ", "@Bot disconnect"): the last word decides. */
export const commandOf = (text: string | undefined): Extract<BotJob, { kind: 'command' }>['command'] => {
  const words = (text ?? '')
    .replace(/<at>.*?<\/at>/g, ' ')
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);
  const word = words.length === 1 ? words[0] : undefined;
  return word === 'help' || word === 'status' || word === 'disconnect' ? word : 'unknown';
};
