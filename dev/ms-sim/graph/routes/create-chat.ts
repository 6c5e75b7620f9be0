import { randomBytes } from 'node:crypto';
import type { DirectoryChat } from '../../directory/directory';
import { graphError } from '../graph-error';
import { graphOk } from '../graph-request';
import type { GraphRoute } from '../graph-route';
import { chatResource } from './chat-resource';

const USER_BIND = /\/users\('([^']+)'\)$|\/users\/([^/]+)$/;

/**
 * `POST /chats`: a one-on-one chat (an existing one is returned again) or a group chat. The
 * caller must be one of the members.
 * @see https://learn.microsoft.com/graph/api/chat-post
 */
export const createChat: GraphRoute = {
  method: 'POST',
  pattern: '/chats',
  delegated: ['Chat.Create', 'Chat.ReadWrite'],
  application: ['Chat.Create'],
  handle: ({ ctx, req, user }) => {
    const now = ctx.clock();
    const bad = (message: string) => graphError(now, req, 400, 'BadRequest', message);
    let body: { chatType?: unknown; topic?: unknown; members?: unknown };
    try {
      body = JSON.parse(req.body) as typeof body;
    } catch {
      return bad(
        'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
      );
    }
    if (body.chatType !== 'oneOnOne' && body.chatType !== 'group')
      return bad("chatType must be 'oneOnOne' or 'group'.");
    if (!Array.isArray(body.members)) return bad('members is required.');
    const oids: string[] = [];
    for (const member of body.members as Record<string, unknown>[]) {
      const raw = member?.['user@odata.bind'];
      const bind = typeof raw === 'string' ? raw : '';
      const match = USER_BIND.exec(bind);
      const person = ctx.directory.personById(decodeURIComponent(match?.[1] ?? match?.[2] ?? ''));
      if (!person) return bad(`Member '${bind}' is not a user of this tenant.`);
      if (!oids.includes(person.oid)) oids.push(person.oid);
    }
    if (!oids.includes(user.person.oid)) return bad('The caller must be one of the members of the chat.');
    if (body.chatType === 'oneOnOne' && oids.length !== 2)
      return bad('A oneOnOne chat has exactly two members.');
    if (body.chatType === 'group' && oids.length < 3)
      return bad('A group chat needs at least three members.');

    const id =
      body.chatType === 'oneOnOne'
        ? `19:${[...oids].sort().join('_')}@unq.gbl.spaces`
        : `19:${randomBytes(16).toString('hex')}@thread.v2`;
    const existing = ctx.directory.chat(id);
    if (existing) return graphOk(201, chatResource(existing, ctx.state.data.messages));
    const chat: DirectoryChat = {
      id,
      topic: body.chatType === 'group' && typeof body.topic === 'string' ? body.topic : null,
      chatType: body.chatType,
      memberOids: oids,
      createdAt: now,
    };
    ctx.state.data.chats.push(chat);
    ctx.state.changed();
    return graphOk(201, {
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#chats/$entity',
      ...chatResource(chat, []),
    });
  },
};
