import type { StoredMessage } from '../graph/messages/stored-message';
import type { SimContext } from '../sim-context';

/** A channel or chat message by id, within the conversation it was posted in. */
export function findMessage(
  ctx: SimContext,
  conversationId: string,
  messageId: string,
): StoredMessage | undefined {
  return ctx.state.data.messages.find(
    (m) => (m.chatId ?? m.channelId) === conversationId && m.resource.id === messageId,
  );
}

/**
 * The `messagePayload` of an action command invoked from a message: "the entire message" as
 * Teams holds it, in Graph's chatMessage shape (the docs' example lists these fields; `reactions`
 * and `mentions` are optional there). Card attachments keep their JSON as a string, as Graph does.
 * @see https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/action-commands/create-task-module#payload-activity-properties-when-a-dialog-is-invoked-from-a-message
 */
export function messagePayload(stored: StoredMessage): Record<string, unknown> {
  const r = stored.resource;
  const conversation = stored.chatId ?? stored.channelId ?? '';
  return {
    linkToMessage: `https://teams.microsoft.com/l/message/${conversation}/${r.id}`,
    id: r.id,
    replyToId: r.replyToId,
    createdDateTime: r.createdDateTime,
    lastModifiedDateTime: r.lastModifiedDateTime === r.createdDateTime ? null : r.lastModifiedDateTime,
    deleted: false,
    subject: r.subject,
    summary: r.summary,
    importance: r.importance,
    locale: r.locale,
    body: { ...r.body },
    from: {
      device: null,
      conversation: null,
      user: { userIdentityType: 'aadUser', id: r.from.user.id, displayName: r.from.user.displayName },
      application: null,
    },
    reactions: structuredClone(r.reactions),
    mentions: structuredClone(r.mentions),
    attachments: r.attachments.map((a) => ({
      id: a.id,
      contentType: a.contentType,
      content: a.content,
      contentUrl: a.contentUrl,
      name: a.name,
      thumbnailUrl: a.thumbnailUrl,
    })),
  };
}
