import type { StoredMessage } from './graph/messages/stored-message';

/** An attachment of a posted message; `card` is the parsed JSON of card attachments. */
export interface PostedAttachment {
  id: string;
  contentType: string;
  /** As posted: for cards, the card JSON as a string. */
  content: string | null;
  contentUrl: string | null;
  name: string | null;
  /** The Teams app a person posted the card through (a message extension); null otherwise. */
  teamsAppId: string | null;
  /** Parsed `content` for `application/vnd.microsoft.card.*` attachments; absent otherwise. */
  card?: unknown;
}

/** A channel or chat message (or reply) posted through Graph, for tests and the sandbox to inspect. */
export interface PostedMessage {
  id: string;
  /** Root message id for replies; null for a root message. */
  replyToId: string | null;
  conversationType: 'channel' | 'chat';
  /** The channel id for channel messages, the chat id for chat messages. */
  conversationId: string;
  teamId: string | null;
  channelId: string | null;
  chatId: string | null;
  from: { oid: string; displayName: string };
  createdDateTime: string;
  lastModifiedDateTime: string;
  subject: string | null;
  body: { contentType: 'text' | 'html'; content: string };
  attachments: PostedAttachment[];
  mentions: unknown[];
  webUrl: string;
  /** Replies to a root message, oldest first; always empty on a reply. */
  replies: PostedMessage[];
}

const parseCard = (contentType: string, content: string | null): unknown => {
  if (!contentType.startsWith('application/vnd.microsoft.card.') || content === null) return undefined;
  try {
    return JSON.parse(content);
  } catch {
    return undefined;
  }
};

function toPosted(stored: StoredMessage): PostedMessage {
  const r = stored.resource;
  return {
    id: r.id,
    replyToId: r.replyToId,
    conversationType: stored.chatId ? 'chat' : 'channel',
    conversationId: stored.chatId ?? stored.channelId ?? '',
    teamId: stored.teamId,
    channelId: stored.channelId,
    chatId: stored.chatId,
    from: { oid: r.from.user.id, displayName: r.from.user.displayName },
    createdDateTime: r.createdDateTime,
    lastModifiedDateTime: r.lastModifiedDateTime,
    subject: r.subject,
    body: { ...r.body },
    attachments: r.attachments.map((a) => {
      const card = parseCard(a.contentType, a.content);
      const attachment: PostedAttachment = {
        id: a.id,
        contentType: a.contentType,
        content: a.content,
        contentUrl: a.contentUrl,
        name: a.name,
        teamsAppId: a.teamsAppId,
      };
      if (card !== undefined) attachment.card = card;
      return attachment;
    }),
    mentions: structuredClone(r.mentions),
    webUrl: r.webUrl,
    replies: [],
  };
}

/**
 * Every message and reply in posting order (a flat list), each root also carrying its replies,
 * so a test can either scan everything or walk threads.
 */
export function toPostedMessages(stored: readonly StoredMessage[]): PostedMessage[] {
  const all = stored.map(toPosted);
  for (const message of all) {
    if (message.replyToId === null) {
      message.replies = all.filter(
        (m) => m.replyToId === message.id && m.conversationId === message.conversationId,
      );
    }
  }
  return all;
}
