import type { GraphRoute } from '../graph-route';
import { pageOf } from '../paging';
import { chatResource } from './chat-resource';

/**
 * `GET /me/chats`, at most 50 per page.
 * @see https://learn.microsoft.com/graph/api/chat-list
 */
export const listMyChats: GraphRoute = {
  method: 'GET',
  pattern: '/me/chats',
  delegated: ['Chat.ReadBasic', 'Chat.Read', 'Chat.ReadWrite'],
  application: ['Chat.ReadBasic.All', 'Chat.Read.All'],
  meOnly: true,
  handle: ({ ctx, req, user }) => {
    const chats = ctx.directory.chatsOf(user.person).map((c) => chatResource(c, ctx.state.data.messages));
    return pageOf(ctx.clock(), req, chats, {
      defaultTop: 50,
      maxTop: 50,
      context: 'https://graph.microsoft.com/v1.0/$metadata#chats',
    });
  },
};
