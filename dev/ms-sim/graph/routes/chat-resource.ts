import { TENANT } from '../../../seed';
import type { DirectoryChat } from '../../directory/directory';
import type { StoredMessage } from '../messages/stored-message';

/**
 * A chat as Graph returns it; `lastUpdatedDateTime` moves with the newest message.
 * @see https://learn.microsoft.com/graph/api/resources/chat
 */
export function chatResource(
  chat: DirectoryChat,
  messages: readonly StoredMessage[],
): Record<string, unknown> {
  const lastMessage = messages
    .filter((m) => m.chatId === chat.id)
    .reduce((latest, m) => Math.max(latest, Date.parse(m.resource.lastModifiedDateTime)), chat.createdAt);
  return {
    id: chat.id,
    topic: chat.topic,
    createdDateTime: new Date(chat.createdAt).toISOString(),
    lastUpdatedDateTime: new Date(lastMessage).toISOString(),
    chatType: chat.chatType,
    webUrl: `https://teams.microsoft.com/l/chat/${encodeURIComponent(chat.id)}/0?tenantId=${TENANT.id}`,
    tenantId: TENANT.id,
    onlineMeetingInfo: null,
  };
}
