import type { GraphResponse } from '../graph-request';
import type { GraphRoute, RouteCall } from '../graph-route';
import { chatAccess } from './conversation-access';
import { getMessage, listMessages, patchMessage, postMessage } from './message-operations';

/**
 * Chat messages. Editing a chat message takes `Chat.ReadWrite` (Microsoft's table lists no
 * ChatMessage.* permission for it).
 * @see https://learn.microsoft.com/graph/api/chat-post-messages
 * @see https://learn.microsoft.com/graph/api/chat-list-messages
 * @see https://learn.microsoft.com/graph/api/chatmessage-update
 */
const BASE = '/chats/{chatId}/messages';

function inChat(call: RouteCall, then: (chatId: string) => GraphResponse): GraphResponse {
  const access = chatAccess(call.ctx, call.req, call.user.person, call.params.chatId ?? '');
  if (!('chat' in access)) return access;
  return then(access.chat.id);
}

const messagesOf = (call: RouteCall, chatId: string) =>
  call.ctx.state.data.messages.filter((m) => m.chatId === chatId);
const find = (call: RouteCall, chatId: string) =>
  messagesOf(call, chatId).find((m) => m.resource.id === call.params.messageId);
const context = (chatId: string, tail: string) =>
  `https://graph.microsoft.com/v1.0/$metadata#chats('${encodeURIComponent(chatId)}')/${tail}`;

export const chatMessageRoutes: GraphRoute[] = [
  {
    method: 'POST',
    pattern: BASE,
    delegated: ['ChatMessage.Send', 'Chat.ReadWrite'],
    application: ['Teamwork.Migrate.All'],
    handle: (call) =>
      inChat(call, (chatId) => postMessage(call, { chatId }, false, context(chatId, 'messages/$entity'))),
  },
  {
    method: 'GET',
    pattern: BASE,
    delegated: ['ChatMessage.Read', 'Chat.Read', 'Chat.ReadWrite'],
    application: ['Chat.Read.All'],
    handle: (call) =>
      inChat(call, (chatId) => listMessages(call, messagesOf(call, chatId), context(chatId, 'messages'))),
  },
  {
    method: 'GET',
    pattern: `${BASE}/{messageId}`,
    delegated: ['ChatMessage.Read', 'Chat.Read', 'Chat.ReadWrite'],
    application: ['Chat.Read.All'],
    handle: (call) =>
      inChat(call, (chatId) => getMessage(call, find(call, chatId), context(chatId, 'messages/$entity'))),
  },
  {
    method: 'PATCH',
    pattern: `${BASE}/{messageId}`,
    delegated: ['Chat.ReadWrite'],
    application: ['Chat.UpdatePolicyViolation.All'],
    handle: (call) => inChat(call, (chatId) => patchMessage(call, find(call, chatId), false)),
  },
];
