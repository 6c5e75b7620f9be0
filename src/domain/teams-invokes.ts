import { z } from 'zod';
import type { AdaptiveCard } from './card-elements';

/*
 * The invokes Teams sends the bot for its message extension and card actions, and the answers
 * Teams reads from the HTTP response body (TEAMS-BOT-FACTS.md §4). Every field is bounded; an
 * invoke that does not parse gets a clear answer and nothing happens.
 * @see https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/search-commands/respond-to-search
 * @see https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/link-unfurling
 * @see https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/action-commands/respond-to-task-module-submit
 */

/** The package's commands (domain/teams-app-manifest.ts). */
export const SEARCH_COMMAND = 'searchConfluence';
export const COMMENT_COMMAND = 'commentOnMessage';

const parameter = z.object({ name: z.string().max(64), value: z.unknown() });

export const queryValueSchema = z.object({
  commandId: z.string().max(64),
  parameters: z.array(parameter).max(10).default([]),
  queryOptions: z
    .object({
      skip: z.number().int().min(0).max(1000).optional(),
      count: z.number().int().min(1).max(100).optional(),
    })
    .optional(),
});

export const queryLinkValueSchema = z.object({ url: z.string().max(4096) });

/** The message an action command was started from, as Teams hands it over (only what is read). */
const messagePayload = z.object({
  id: z.string().max(512).optional(),
  body: z
    .object({ content: z.string().max(100_000).optional() })
    .partial()
    .optional(),
  attachments: z
    .array(z.object({ content: z.unknown() }).partial())
    .max(20)
    .optional(),
});

export const actionValueSchema = z.object({
  commandId: z.string().max(64),
  commandContext: z.string().max(32).optional(),
  messagePayload: messagePayload.optional(),
  /** submitAction: the task card's inputs merged with its Action.Submit data. */
  data: z.record(z.string(), z.unknown()).optional(),
});

export type QueryValue = z.infer<typeof queryValueSchema>;
export type ActionValue = z.infer<typeof actionValueSchema>;

/** A text parameter's value as Teams sent it; anything else is empty. */
export const parameterValue = (value: QueryValue, name: string): string => {
  const found = value.parameters.find((p) => p.name === name)?.value;
  return typeof found === 'string' ? found : '';
};

/** The text of a message and of its cards, where links to Confluence may sit. */
export const messageText = (payload: ActionValue['messagePayload']): string => {
  const cards = (payload?.attachments ?? []).map((a) => JSON.stringify(a.content ?? '').slice(0, 50_000));
  return [payload?.body?.content ?? '', ...cards].join('\n');
};

/* --- Answers --- */

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const THUMBNAIL = 'application/vnd.microsoft.card.thumbnail';

/** One result: the card that goes into the message, and how the result list shows it. */
export interface ExtensionResult {
  card: AdaptiveCard;
  preview: { title: string; text: string };
}

const attachment = ({ card, preview }: ExtensionResult) => ({
  contentType: ADAPTIVE,
  content: card,
  preview: { contentType: THUMBNAIL, content: preview },
});

/**
 * Search results or a link preview. `noCache`: Teams keeps a link's preview for 30 minutes
 * unless told not to, and this one depends on who pasted the link.
 */
export const extensionResults = (results: ExtensionResult[], noCache = false) => ({
  composeExtension: {
    type: 'result',
    attachmentLayout: 'list',
    attachments: results.map(attachment),
    ...(noCache
      ? { suggestedActions: { actions: [{ type: 'setCachePolicy', value: '{"type":"no-cache"}' }] } }
      : {}),
  },
});

/** The extension's sign-in answer: Teams shows a link that opens Confluence's personal page. */
export const extensionSignIn = (personalPageUrl: string) => ({
  composeExtension: {
    type: 'auth',
    suggestedActions: {
      actions: [{ type: 'openUrl', value: personalPageUrl, title: 'Connect your Confluence account' }],
    },
  },
});

/** A short text in place of results ("Type a space key such as ENG"). */
export const extensionMessage = (text: string) => ({ composeExtension: { type: 'message', text } });

/** A dialog (task module) showing `card`. */
export const taskCard = (title: string, card: AdaptiveCard) => ({
  task: {
    type: 'continue',
    value: { title, height: 'small', width: 'medium', card: { contentType: ADAPTIVE, content: card } },
  },
});

/** A dialog showing a short text. */
export const taskMessage = (text: string) => ({ task: { type: 'message', value: text } });

/** Universal Actions: the card that replaces the one whose button was pressed. */
export const cardReplacement = (card: AdaptiveCard) => ({ statusCode: 200, type: ADAPTIVE, value: card });

/** Universal Actions: a short text shown to the person who pressed the button; the card stays. */
export const actionMessage = (text: string) => ({
  statusCode: 200,
  type: 'application/vnd.microsoft.activity.message',
  value: text,
});

/** Universal Actions: the action was refused; Teams shows the message. */
export const actionError = (statusCode: 400 | 500, code: string, message: string) => ({
  statusCode,
  type: 'application/vnd.microsoft.error',
  value: { code, message },
});
