import { randomUUID } from 'node:crypto';
import type { SeedPerson } from '../../seed';
import { createMessage, type MessagePlace } from '../graph/messages/message-factory';
import { isProblem, parseMessageInput, readJsonObject } from '../graph/messages/message-input';
import type { StoredMessage } from '../graph/messages/stored-message';
import { escapeHtml } from '../http/html';
import type { SimContext } from '../sim-context';
import type { InvokePlace, Refusal } from './invoke-place';

/** What the person sends from the compose box: their text and the cards the app put in it. */
export interface ComposedMessage {
  text: string;
  /** Cards inserted by the search extension or a link preview, in order. */
  cards: Record<string, unknown>[];
}

const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/**
 * Posts the composed message as the person, the way Teams stores it: the text as HTML, each card
 * an attachment referenced by `<attachment id>` and marked with the app's `teamsAppId` (Teams
 * shows "via {app}"). It goes through Graph's own checks (size, card parser), so the app's card
 * must be one Teams would accept.
 */
export function postComposed(
  ctx: SimContext,
  person: SeedPerson,
  place: InvokePlace,
  message: ComposedMessage,
): StoredMessage | Refusal {
  if (place.kind === 'bot') return { status: 400, error: 'Post into a channel or chat.' };
  const text = message.text.trim();
  if (!text && message.cards.length === 0) return { status: 400, error: 'Type a message or add a card.' };
  const attachments = message.cards.map((card) => ({
    id: randomUUID(),
    contentType: ADAPTIVE_CARD,
    content: JSON.stringify(card),
    teamsAppId: ctx.teamsApp.appId,
  }));
  const html =
    (text ? `<p>${escapeHtml(text).replace(/\n/g, '<br>')}</p>` : '') +
    attachments.map((a) => `<attachment id="${a.id}"></attachment>`).join('');
  const raw = JSON.stringify({ body: { contentType: 'html', content: html }, attachments });
  const json = readJsonObject(raw);
  const input = isProblem(json) ? json : parseMessageInput(json, false);
  if (isProblem(input)) return { status: input.status, error: input.message };
  const where: MessagePlace =
    place.kind === 'channel'
      ? { teamId: place.team.id, channelId: place.channel.id, replyToId: null }
      : { chatId: place.chat.id };
  return createMessage(ctx, where, person, input);
}
