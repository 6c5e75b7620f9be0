import { actionOutcome, type ActionOutcome } from '../teams-view/action-outcome';
import type { SimContext } from '../sim-context';
import { recordCardUpdate } from './card-updates';
import { postComposed, type ComposedMessage } from './compose-post';
import {
  linkOutcome,
  searchOutcome,
  taskOutcome,
  type LinkOutcome,
  type SearchOutcome,
  type TaskOutcome,
} from './extension-outcome';
import { isRefusal, storedConversationId, type Refusal } from './invoke-place';
import { findMessage, messagePayload } from './message-payload';
import {
  actingAs,
  linkToUnfurl,
  requestId,
  searchValue,
  sendInvoke,
  type Actor,
  type InvokeAnswer,
  type SearchInput,
} from './teams-client';

/** The app's raw answer and what Teams makes of it. */
export interface Exchange<O> {
  answer: InvokeAnswer;
  outcome: O;
}

const COMMENT_COMMAND = 'commentOnMessage';

/** The person types in the search extension (or opens it: no query and no space). */
export async function search(
  ctx: SimContext,
  actor: Actor & SearchInput,
): Promise<Exchange<SearchOutcome> | Refusal> {
  const acting = actingAs(ctx, actor);
  if (isRefusal(acting)) return acting;
  const answer = await sendInvoke(ctx, acting, 'composeExtension/query', {
    ...searchValue(actor),
    commandContext: 'compose',
  });
  return { answer, outcome: searchOutcome(answer) };
}

/** The person pastes text holding a link to the app's domains into the compose box. */
export async function pasteLink(
  ctx: SimContext,
  actor: Actor & { text: string },
): Promise<Exchange<LinkOutcome> | Refusal> {
  const acting = actingAs(ctx, actor);
  if (isRefusal(acting)) return acting;
  const url = linkToUnfurl(ctx, actor.text);
  if (isRefusal(url)) return url;
  const answer = await sendInvoke(ctx, acting, 'composeExtension/queryLink', { url });
  return { answer, outcome: linkOutcome(answer) };
}

/** The message an action command was started from, with its payload and thread root. */
function actionTarget(ctx: SimContext, actor: Actor, messageId: string) {
  const acting = actingAs(ctx, actor);
  if (isRefusal(acting)) return acting;
  const conversationId = storedConversationId(acting.place);
  const stored = conversationId ? findMessage(ctx, conversationId, messageId) : undefined;
  if (!stored) return { status: 404, error: 'No such message in this channel or chat.' };
  const threadRootId = stored.channelId ? (stored.resource.replyToId ?? stored.resource.id) : undefined;
  return { acting, stored, threadRootId, payload: messagePayload(stored) };
}

/** "… › Comment in Confluence" on a message: `composeExtension/fetchTask` with the whole message. */
export async function messageAction(
  ctx: SimContext,
  actor: Actor & { messageId: string; commandId?: string },
): Promise<Exchange<TaskOutcome> | Refusal> {
  const target = actionTarget(ctx, actor, actor.messageId);
  if (isRefusal(target)) return target;
  const value = {
    commandId: actor.commandId ?? COMMENT_COMMAND,
    commandContext: 'message',
    requestId: requestId(),
    messagePayload: target.payload,
    context: { theme: 'default' },
  };
  const answer = await sendInvoke(ctx, target.acting, 'composeExtension/fetchTask', value, target);
  return { answer, outcome: taskOutcome(answer) };
}

/** The dialog's Action.Submit: `composeExtension/submitAction` with the card's inputs as `data`. */
export async function submitAction(
  ctx: SimContext,
  actor: Actor & { messageId: string; data: Record<string, unknown>; commandId?: string },
): Promise<Exchange<TaskOutcome> | Refusal> {
  const target = actionTarget(ctx, actor, actor.messageId);
  if (isRefusal(target)) return target;
  const value = {
    commandId: actor.commandId ?? COMMENT_COMMAND,
    commandContext: 'message',
    requestId: requestId(),
    messagePayload: target.payload,
    context: { theme: 'default' },
    data: actor.data,
  };
  const answer = await sendInvoke(ctx, target.acting, 'composeExtension/submitAction', value, target);
  return { answer, outcome: taskOutcome(answer) };
}

/**
 * An Action.Execute on a card a person posted through the app into a channel or chat: the
 * `adaptiveCard/action` invoke in that conversation, `replyToId` the message. A card in the
 * answer replaces that card for this person.
 */
export async function executeOnMessage(
  ctx: SimContext,
  actor: Actor & {
    messageId: string;
    attachmentId: string;
    verb?: string;
    actionId?: string;
    data?: Record<string, unknown>;
  },
): Promise<Exchange<ActionOutcome> | Refusal> {
  const target = actionTarget(ctx, actor, actor.messageId);
  if (isRefusal(target)) return target;
  const attachment = target.stored.resource.attachments.find((a) => a.id === actor.attachmentId);
  if (!attachment?.teamsAppId) return { status: 404, error: 'No card of the app on this message.' };
  const action = {
    type: 'Action.Execute',
    ...(actor.actionId ? { id: actor.actionId } : {}),
    ...(actor.verb !== undefined ? { verb: actor.verb } : {}),
    data: actor.data ?? {},
  };
  const answer = await sendInvoke(
    ctx,
    target.acting,
    'adaptiveCard/action',
    { action, trigger: 'manual' },
    { threadRootId: target.threadRootId, replyToId: actor.messageId },
  );
  const outcome = answer.timedOut
    ? { kind: 'error' as const, text: 'The app did not answer in time.' }
    : actionOutcome(answer);
  if (outcome.kind === 'card') {
    recordCardUpdate(ctx, {
      conversationId: storedConversationId(target.acting.place) ?? '',
      messageId: actor.messageId,
      attachmentId: actor.attachmentId,
      oid: target.acting.person.oid,
      card: outcome.card,
    });
  }
  return { answer, outcome };
}

/** Send: the composed text and cards, posted as the person in the channel or chat. */
export function sendComposed(ctx: SimContext, actor: Actor & ComposedMessage) {
  // Anyone may type into a channel; only cards come from the app, which the person must have.
  const acting = actingAs(ctx, actor, actor.cards.length > 0);
  if (isRefusal(acting)) return acting;
  const stored = postComposed(ctx, acting.person, acting.place, actor);
  if (isRefusal(stored)) return stored;
  return { id: stored.resource.id, webUrl: stored.resource.webUrl };
}
