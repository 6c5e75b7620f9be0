import type { SimContext } from '../../sim-context';
import type { GraphResponse } from '../graph-request';
import { channelTarget, type GraphRoute, type RouteCall } from '../graph-route';
import type { StoredMessage } from '../messages/stored-message';
import { channelAccess } from './conversation-access';
import { getMessage, listMessages, notFound, patchMessage, postMessage } from './message-operations';

/**
 * Channel messages and replies.
 * @see https://learn.microsoft.com/graph/api/channel-post-messages
 * @see https://learn.microsoft.com/graph/api/chatmessage-post-replies
 * @see https://learn.microsoft.com/graph/api/channel-list-messages
 * @see https://learn.microsoft.com/graph/api/chatmessage-update
 */
const SEND = ['ChannelMessage.Send', 'Group.ReadWrite.All'];
const READ = ['ChannelMessage.Read.All', 'ChannelMessage.ReadWrite', 'Group.Read.All', 'Group.ReadWrite.All'];
const WRITE = ['ChannelMessage.ReadWrite', 'Group.ReadWrite.All'];
const BASE = '/teams/{teamId}/channels/{channelId}/messages';

type Place = { teamId: string; channelId: string };

/** Checks access, then runs `then` with the canonical team and channel ids. */
function inChannel(call: RouteCall, then: (place: Place) => GraphResponse): GraphResponse {
  const access = channelAccess(
    call.ctx,
    call.req,
    call.user.person,
    call.params.teamId ?? '',
    call.params.channelId ?? '',
  );
  if (!('channel' in access)) return access;
  return then({ teamId: access.team.id, channelId: access.channel.id });
}

const inThisChannel = (ctx: SimContext, p: Place): StoredMessage[] =>
  ctx.state.data.messages.filter((m) => m.teamId === p.teamId && m.channelId === p.channelId);
const roots = (ctx: SimContext, p: Place) =>
  inThisChannel(ctx, p).filter((m) => m.resource.replyToId === null);
const repliesTo = (ctx: SimContext, p: Place, rootId: string) =>
  inThisChannel(ctx, p).filter((m) => m.resource.replyToId === rootId);
const root = (ctx: SimContext, p: Place, id: string) => roots(ctx, p).find((m) => m.resource.id === id);
const reply = (ctx: SimContext, p: Place, rootId: string, id: string) =>
  repliesTo(ctx, p, rootId).find((m) => m.resource.id === id);

const context = (p: Place, tail: string) =>
  `https://graph.microsoft.com/v1.0/$metadata#teams('${p.teamId}')/channels('${encodeURIComponent(p.channelId)}')/${tail}`;

const route = (
  method: GraphRoute['method'],
  suffix: string,
  delegated: string[],
  handle: (call: RouteCall, place: Place) => GraphResponse,
  posts = false,
): GraphRoute => ({
  method,
  pattern: `${BASE}${suffix}`,
  delegated,
  application:
    method === 'POST' ? ['Teamwork.Migrate.All'] : method === 'GET' ? ['ChannelMessage.Read.All'] : [],
  throttle: (params) => channelTarget(params, posts),
  handle: (call) => inChannel(call, (place) => handle(call, place)),
});

export const channelMessageRoutes: GraphRoute[] = [
  route(
    'POST',
    '',
    SEND,
    (call, p) => postMessage(call, { ...p, replyToId: null }, true, context(p, 'messages/$entity')),
    true,
  ),
  route('GET', '', READ, (call, p) =>
    listMessages(call, roots(call.ctx, p), context(p, 'messages'), (m) =>
      repliesTo(call.ctx, p, m.resource.id),
    ),
  ),
  route('GET', '/{messageId}', READ, (call, p) =>
    getMessage(call, root(call.ctx, p, call.params.messageId ?? ''), context(p, 'messages/$entity')),
  ),
  route('PATCH', '/{messageId}', WRITE, (call, p) =>
    patchMessage(call, root(call.ctx, p, call.params.messageId ?? ''), true),
  ),
  route(
    'POST',
    '/{messageId}/replies',
    SEND,
    (call, p) => {
      const parent = root(call.ctx, p, call.params.messageId ?? '');
      if (!parent) return notFound(call);
      const tail = `messages('${parent.resource.id}')/replies/$entity`;
      return postMessage(call, { ...p, replyToId: parent.resource.id }, false, context(p, tail));
    },
    true,
  ),
  route('GET', '/{messageId}/replies', READ, (call, p) => {
    const parent = root(call.ctx, p, call.params.messageId ?? '');
    if (!parent) return notFound(call);
    return listMessages(
      call,
      repliesTo(call.ctx, p, parent.resource.id),
      context(p, `messages('${parent.resource.id}')/replies`),
    );
  }),
  route('GET', '/{messageId}/replies/{replyId}', READ, (call, p) => {
    const found = reply(call.ctx, p, call.params.messageId ?? '', call.params.replyId ?? '');
    return getMessage(call, found, context(p, `messages('${call.params.messageId}')/replies/$entity`));
  }),
  route('PATCH', '/{messageId}/replies/{replyId}', WRITE, (call, p) =>
    patchMessage(call, reply(call.ctx, p, call.params.messageId ?? '', call.params.replyId ?? ''), false),
  ),
];
