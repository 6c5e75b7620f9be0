import type { ServerResponse } from 'node:http';
import { TENANT } from '../../seed';
import { botActivities, hasBot, typedMessages } from '../connector/bot-connector';
import { sendJson } from '../http/respond';
import { toPostedMessages } from '../posted-message';
import type { PostedMessage } from '../posted-message';
import type { SimContext } from '../sim-context';
import { cardUpdatesFor } from '../teams-app/card-updates';

/**
 * JSON for the Teams-like page: `GET /_sim/api/conversations` (teams → channels, chats) and
 * `GET /_sim/api/conversations/{channel or chat id}/messages` (roots oldest first, with replies).
 * `?as={oid}` shows the cards an Action.Execute answer replaced for that person (Teams updates
 * them for whoever pressed the button). The page is an observer's view of the whole tenant, not one user's client; `botChats` lists each
 * person's 1:1 chat with the companion bot (whether they added the app, how many messages).
 */
export function handleViewApi(
  ctx: SimContext,
  res: ServerResponse,
  rest: string,
  viewer: string | null = null,
): void {
  if (rest === 'conversations') return sendJson(res, 200, conversations(ctx));
  const match = /^conversations\/([^/]+)\/messages$/.exec(rest);
  if (!match?.[1]) return sendJson(res, 404, { error: 'Unknown view API path.' });
  const id = decodeURIComponent(match[1]);
  const conversation = describe(ctx, id);
  if (!conversation) return sendJson(res, 404, { error: `No channel or chat ${id}.` });
  const all = toPostedMessages(ctx.state.data.messages);
  const messages = all.filter((m) => m.conversationId === conversation.id && m.replyToId === null);
  if (viewer) showCardUpdates(ctx, viewer, messages);
  return sendJson(res, 200, { conversation, messages });
}

const nameOf = (ctx: SimContext, oid: string): string => ctx.directory.personByOid(oid)?.displayName ?? oid;
const countIn = (ctx: SimContext, id: string): number =>
  ctx.state.data.messages.filter((m) => (m.chatId ?? m.channelId) === id).length;

function conversations(ctx: SimContext) {
  return {
    tenant: { id: TENANT.id, name: TENANT.name },
    teams: ctx.directory.teams().map((t) => ({
      id: t.id,
      displayName: t.displayName,
      channels: t.channels.map((c) => ({
        id: c.id,
        displayName: c.displayName,
        membershipType: c.membershipType,
        members: c.members
          ? c.members.map((key) => ctx.directory.people().find((p) => p.key === key)?.displayName ?? key)
          : null,
        messageCount: countIn(ctx, c.id),
      })),
    })),
    chats: ctx.directory.chats().map((c) => ({
      id: c.id,
      topic: c.topic,
      chatType: c.chatType,
      members: c.memberOids.map((oid) => nameOf(ctx, oid)),
      messageCount: countIn(ctx, c.id),
    })),
    botChats: ctx.directory.people().map((p) => ({
      oid: p.oid,
      displayName: p.displayName,
      installed: hasBot(ctx, p.oid),
      messageCount: botActivities(ctx, p.oid).length + typedMessages(ctx, p.oid).length,
    })),
  };
}

function describe(ctx: SimContext, id: string) {
  const team = ctx.directory.teamOfChannel(id);
  const channel = team ? ctx.directory.channel(team, id) : undefined;
  if (team && channel) {
    return {
      id: channel.id,
      kind: 'channel',
      title: `${team.displayName} › ${channel.displayName}`,
      membershipType: channel.membershipType,
    };
  }
  const chat = ctx.directory.chat(id);
  if (!chat) return null;
  const title = chat.topic ?? chat.memberOids.map((oid) => nameOf(ctx, oid)).join(', ');
  return { id: chat.id, kind: 'chat', title, membershipType: null };
}

/** Swaps in the cards the viewer's own Action.Execute answers replaced (replies included). */
function showCardUpdates(ctx: SimContext, viewer: string, messages: PostedMessage[]): void {
  const updates = cardUpdatesFor(ctx, viewer);
  if (updates.length === 0) return;
  for (const message of messages.flatMap((m) => [m, ...m.replies])) {
    for (const attachment of message.attachments) {
      const update = updates.find(
        (u) =>
          u.conversationId === message.conversationId &&
          u.messageId === message.id &&
          u.attachmentId === attachment.id,
      );
      if (update) Object.assign(attachment, { card: update.card, updatedFor: viewer });
    }
  }
}
