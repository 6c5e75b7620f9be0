import type { OutgoingCard } from '../application/ports/microsoft';

/** Graph's contentType of an Adaptive Card attachment. */
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/**
 * The Graph `chatMessage` that carries one card. The attachment's id is the send id, so the
 * message can be found again by it; the body's `<attachment id>` must name the same id, and the
 * card goes as a JSON string.
 * @see https://learn.microsoft.com/graph/api/resources/chatmessageattachment
 * @see https://learn.microsoft.com/graph/api/channel-post-messages#example-4-send-a-message-with-an-adaptive-card
 */
export const chatMessageWithCard = ({ card, sendId }: OutgoingCard) => ({
  body: { contentType: 'html', content: `<attachment id="${sendId}"></attachment>` },
  attachments: [{ id: sendId, contentType: ADAPTIVE_CARD, content: JSON.stringify(card) }],
});
