import type { ChannelAnswer } from '../bot-framework/bot-channel';

/** One search result as Teams lists it: the preview's title and text, and the card it inserts. */
export interface SearchItem {
  title: string;
  text: string;
  card: Record<string, unknown>;
}

/** What Teams shows for a `composeExtension/query` answer. */
export type SearchOutcome =
  | { kind: 'results'; items: SearchItem[] }
  | { kind: 'auth'; title: string; url: string }
  | { kind: 'message'; text: string }
  | { kind: 'error'; text: string };

/** What Teams shows under the compose box for a `composeExtension/queryLink` answer. */
export type LinkOutcome =
  | { kind: 'preview'; card: Record<string, unknown> }
  | { kind: 'auth'; title: string; url: string }
  | { kind: 'none' }
  | { kind: 'error'; text: string };

/** What the dialog of a message action shows for a `fetchTask`/`submitAction` answer. */
export type TaskOutcome =
  | { kind: 'card'; title: string; card: Record<string, unknown> }
  | { kind: 'message'; text: string }
  | { kind: 'close' }
  | { kind: 'error'; text: string };

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isCard = (value: unknown): value is Record<string, unknown> =>
  isObject(value) && value.type === 'AdaptiveCard';
const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** Non-2xx and silence are the same for every invoke: Teams shows that the app failed. */
function failure(answer: ChannelAnswer & { timedOut?: boolean }): { kind: 'error'; text: string } | null {
  if (answer.timedOut) return { kind: 'error', text: 'The app did not answer in time.' };
  if (answer.status < 200 || answer.status > 299)
    return { kind: 'error', text: `The app's bot endpoint answered HTTP ${answer.status}.` };
  return null;
}

const unexpected = (what: string, body: unknown) => ({
  kind: 'error' as const,
  text: `The app answered ${what} with ${JSON.stringify(body)?.slice(0, 200) ?? 'nothing'}, which Teams does not show.`,
});

/** The `auth` answer's sign-in button: the first `openUrl` suggested action. */
function signIn(extension: Record<string, unknown>): { kind: 'auth'; title: string; url: string } | null {
  const actions = isObject(extension.suggestedActions) ? extension.suggestedActions.actions : undefined;
  const first: unknown = Array.isArray(actions) ? actions[0] : undefined;
  if (!isObject(first) || first.type !== 'openUrl' || typeof first.value !== 'string') return null;
  return { kind: 'auth', title: text(first.title) || 'Sign in', url: first.value };
}

/**
 * `{composeExtension: {type: 'result' | 'auth' | 'message', …}}`. A result attachment needs an
 * Adaptive Card `content` and a thumbnail or hero `preview`, as Teams requires for a list.
 * @see https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/search-commands/respond-to-search
 */
export function searchOutcome(answer: ChannelAnswer & { timedOut?: boolean }): SearchOutcome {
  const failed = failure(answer);
  if (failed) return failed;
  const extension = isObject(answer.body) ? answer.body.composeExtension : undefined;
  if (!isObject(extension)) return unexpected('the search', answer.body);
  if (extension.type === 'auth') return signIn(extension) ?? unexpected('the search', answer.body);
  if (extension.type === 'message') return { kind: 'message', text: text(extension.text) };
  if (extension.type !== 'result' || !Array.isArray(extension.attachments))
    return unexpected('the search', answer.body);
  const items: SearchItem[] = [];
  for (const attachment of extension.attachments as unknown[]) {
    if (!isObject(attachment) || attachment.contentType !== ADAPTIVE_CARD || !isCard(attachment.content))
      return unexpected('a result', attachment);
    const preview = isObject(attachment.preview) ? attachment.preview.content : undefined;
    if (!isObject(preview)) return unexpected('a result without a preview', attachment);
    items.push({ title: text(preview.title), text: text(preview.text), card: attachment.content });
  }
  return { kind: 'results', items };
}

/** The first attachment's card is the preview; `{}` or no attachments mean no preview at all. */
export function linkOutcome(answer: ChannelAnswer & { timedOut?: boolean }): LinkOutcome {
  const failed = failure(answer);
  if (failed) return failed;
  const extension = isObject(answer.body) ? answer.body.composeExtension : undefined;
  if (extension === undefined) return { kind: 'none' };
  if (!isObject(extension)) return unexpected('the link', answer.body);
  if (extension.type === 'auth') return signIn(extension) ?? unexpected('the link', answer.body);
  if (extension.type !== 'result') return unexpected('the link', answer.body);
  const first: unknown = Array.isArray(extension.attachments) ? extension.attachments[0] : undefined;
  if (first === undefined) return { kind: 'none' };
  if (!isObject(first) || first.contentType !== ADAPTIVE_CARD || !isCard(first.content))
    return unexpected('the link preview', first);
  return { kind: 'preview', card: first.content };
}

/**
 * `{task: {type: 'continue', value: {title, card}}}` opens (or replaces) the dialog's card,
 * `{task: {type: 'message', value}}` shows a text, `{composeExtension: {type: 'message', text}}`
 * too, and `{}` closes the dialog.
 * @see https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/action-commands/respond-to-task-module-submit
 */
export function taskOutcome(answer: ChannelAnswer & { timedOut?: boolean }): TaskOutcome {
  const failed = failure(answer);
  if (failed) return failed;
  const body = answer.body;
  if (body === undefined || (isObject(body) && Object.keys(body).length === 0)) return { kind: 'close' };
  if (!isObject(body)) return unexpected('the dialog', body);
  if (isObject(body.composeExtension) && body.composeExtension.type === 'message')
    return { kind: 'message', text: text(body.composeExtension.text) };
  const task = body.task;
  if (!isObject(task)) return unexpected('the dialog', body);
  if (task.type === 'message') return { kind: 'message', text: text(task.value) };
  const value = isObject(task.value) ? task.value : {};
  const card = isObject(value.card) ? value.card : undefined;
  if (task.type !== 'continue' || card?.contentType !== ADAPTIVE_CARD || !isCard(card.content))
    return unexpected('the dialog', body);
  return { kind: 'card', title: text(value.title), card: card.content };
}
