import type { OutgoingCard } from '../application/ports/microsoft';
import { cardMentions } from '../domain/card-mentions';

/** Graph's contentType of an Adaptive Card attachment. */
const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';

/**
 * The Graph `chatMessage` that carries one card. The attachment's id is the send id, so the
 * message can be found again by it; the body's `<attachment id>` must name the same id, and the
 * card goes as a JSON string.
 *
 * People the card mentions (its `msteams.entities`) are mentioned by the message too: Graph
 * notifies the people of a chatMessage's `mentions`, each named by an `<at id="N">` in the body
 * (names arrive stripped of `<`, `>`, `&` and `"` by domain/card-mentions.ts).
 * @see https://learn.microsoft.com/graph/api/resources/chatmessageattachment
 * @see https://learn.microsoft.com/graph/api/channel-post-messages#example-4-send-a-message-with-an-adaptive-card
 * @see https://learn.microsoft.com/graph/api/resources/chatmessagemention
 */
export const chatMessageWithCard = ({ card, sendId }: OutgoingCard) => {
  const mentions = cardMentions(card).map((entity, id) => ({
    id,
    mentionText: entity.mentioned.name,
    mentioned: {
      user: { id: entity.mentioned.id, displayName: entity.mentioned.name, userIdentityType: 'aadUser' },
    },
  }));
  const tags = mentions.map((m) => `<at id="${m.id}">${m.mentionText}</at>`).join(' ');
  return {
    body: { contentType: 'html', content: `${tags}<attachment id="${sendId}"></attachment>` },
    attachments: [{ id: sendId, contentType: ADAPTIVE_CARD, content: JSON.stringify(card) }],
    // Always sent, empty too: an edit (PATCH) without it would keep the mentions of the card it replaces.
    mentions,
  };
};
