import type { ChannelAnswer } from '../bot-framework/bot-channel';

/** What Teams does with the bot's answer to an `Action.Execute`, as the Teams view shows it. */
export type ActionOutcome =
  | { kind: 'card'; card: Record<string, unknown> }
  | { kind: 'message'; text: string }
  | { kind: 'error'; text: string }
  | { kind: 'nothing' };

const CARD = 'application/vnd.microsoft.card.adaptive';
const MESSAGE = 'application/vnd.microsoft.activity.message';
const ERROR = 'application/vnd.microsoft.error';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The Universal Actions response body: a card replaces the one whose button was pressed, a
 * message is shown briefly, an error is shown as such. The sign-in answers (`…loginRequest`,
 * `…incorrectAuthCode`) and `…preconditionFailed` are not simulated and show as errors too.
 * Anything else (`{}`, no body) is "nothing to show", as Teams treats it.
 * @see https://learn.microsoft.com/adaptive-cards/authoring-cards/universal-action-model#response-format
 */
export function actionOutcome(answer: ChannelAnswer): ActionOutcome {
  if (answer.status < 200 || answer.status > 299)
    return { kind: 'error', text: `The app's bot endpoint answered HTTP ${answer.status}.` };
  const body = answer.body;
  if (!isObject(body) || body.type === undefined) return { kind: 'nothing' };
  const { type, value, statusCode } = body;
  if (type === CARD && isObject(value) && value.type === 'AdaptiveCard') return { kind: 'card', card: value };
  if (type === MESSAGE && typeof value === 'string') return { kind: 'message', text: value };
  if (type === ERROR && isObject(value) && typeof value.message === 'string')
    return { kind: 'error', text: value.message };
  return {
    kind: 'error',
    text: `The bot answered ${JSON.stringify(type)} (status ${JSON.stringify(statusCode)}), which this view does not show.`,
  };
}
