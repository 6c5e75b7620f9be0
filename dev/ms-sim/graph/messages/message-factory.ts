import type { SeedPerson } from '../../../seed';
import { TENANT } from '../../../seed';
import type { SimContext } from '../../sim-context';
import type { ChatMessageResource } from './chat-message-resource';
import type { MessageInput } from './message-input';
import type { StoredMessage } from './stored-message';

/** Where a message goes: a channel (then possibly as a reply) or a chat. */
export type MessagePlace =
  { teamId: string; channelId: string; replyToId: string | null } | { chatId: string };

/** Teams message ids are the creation time in epoch milliseconds; two posts in one ms get the next one. */
function nextMessageId(ctx: SimContext): number {
  const id = Math.max(ctx.clock(), ctx.state.data.lastMessageId + 1);
  ctx.state.data.lastMessageId = id;
  return id;
}

function webUrl(place: MessagePlace, id: string): string {
  if ('chatId' in place) {
    return `https://teams.microsoft.com/l/message/${encodeURIComponent(place.chatId)}/${id}?context=${encodeURIComponent('{"contextType":"chat"}')}`;
  }
  const parent = place.replyToId ?? id;
  return `https://teams.microsoft.com/l/message/${encodeURIComponent(place.channelId)}/${id}?groupId=${place.teamId}&tenantId=${TENANT.id}&createdTime=${id}&parentMessageId=${parent}`;
}

/** Stores a new message and returns it, shaped as Graph's 201 answer shows it. */
export function createMessage(
  ctx: SimContext,
  place: MessagePlace,
  sender: SeedPerson,
  input: MessageInput,
): StoredMessage {
  const idNumber = nextMessageId(ctx);
  const id = String(idNumber);
  const created = new Date(idNumber).toISOString();
  const inChat = 'chatId' in place;
  const resource: ChatMessageResource = {
    id,
    replyToId: inChat ? null : place.replyToId,
    etag: id,
    messageType: 'message',
    createdDateTime: created,
    lastModifiedDateTime: created,
    lastEditedDateTime: null,
    deletedDateTime: null,
    subject: input.subject,
    summary: null,
    chatId: inChat ? place.chatId : null,
    importance: input.importance,
    locale: 'en-us',
    webUrl: webUrl(place, id),
    policyViolation: null,
    eventDetail: null,
    from: {
      application: null,
      device: null,
      user: {
        '@odata.type': '#microsoft.graph.teamworkUserIdentity',
        id: sender.oid,
        displayName: sender.displayName,
        userIdentityType: 'aadUser',
        tenantId: TENANT.id,
      },
    },
    body: input.body,
    channelIdentity: inChat ? null : { teamId: place.teamId, channelId: place.channelId },
    attachments: input.attachments,
    mentions: input.mentions,
    reactions: [],
  };
  const stored: StoredMessage = {
    teamId: inChat ? null : place.teamId,
    channelId: inChat ? null : place.channelId,
    chatId: inChat ? place.chatId : null,
    senderOid: sender.oid,
    resource,
  };
  ctx.state.data.messages.push(stored);
  ctx.state.changed();
  return stored;
}
