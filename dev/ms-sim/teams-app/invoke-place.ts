import type { SeedChannel, SeedPerson, SeedTeam } from '../../seed';
import { TENANT } from '../../seed';
import type { DirectoryChat } from '../directory/directory';
import type { SimContext } from '../sim-context';

/** Where a person acts in Teams: a channel, a chat, or (no conversation given) their chat with the bot. */
export type InvokePlace =
  | { kind: 'channel'; team: SeedTeam; channel: SeedChannel }
  | { kind: 'chat'; chat: DirectoryChat }
  | { kind: 'bot' };

/** Why Teams would not let the person do it; `status` is what the simulator's API answers. */
export interface Refusal {
  status: number;
  error: string;
}

export const isRefusal = (value: unknown): value is Refusal =>
  typeof value === 'object' && value !== null && 'error' in value && 'status' in value;

/** The channel or chat by id, if the person may see it (as Teams only shows them their own). */
export function placeFor(
  ctx: SimContext,
  person: SeedPerson,
  conversationId: string | undefined,
): InvokePlace | Refusal {
  if (conversationId === undefined || conversationId === '') return { kind: 'bot' };
  const team = ctx.directory.teamOfChannel(conversationId);
  const channel = team ? ctx.directory.channel(team, conversationId) : undefined;
  if (team && channel) {
    if (!ctx.directory.canSeeChannel(team, channel, person))
      return { status: 403, error: `${person.displayName} cannot see the channel ${channel.displayName}.` };
    return { kind: 'channel', team, channel };
  }
  const chat = ctx.directory.chat(conversationId);
  if (!chat) return { status: 404, error: `No channel or chat ${conversationId}.` };
  if (!ctx.directory.isChatMember(chat, person))
    return { status: 403, error: `${person.displayName} is not in the chat ${chat.topic ?? chat.id}.` };
  return { kind: 'chat', chat };
}

/**
 * The `conversation` and `channelData` of an invoke from that place, as Teams fills them: in a
 * channel `conversationType: 'channel'` with `channelData.team` (its `id` is the team's General
 * channel thread, `aadGroupId` the Graph group id) and `channelData.channel`; a channel thread's
 * conversation id carries `;messageid={root}`. A chat is `groupChat` (or `personal` one-on-one).
 * Without a place, the activity keeps BotChannel's defaults: the person's 1:1 chat with the bot.
 * @see https://learn.microsoft.com/microsoftteams/platform/messaging-extensions/how-to/action-commands/create-task-module
 */
export function placeFields(place: InvokePlace, threadRootId?: string): Record<string, unknown> {
  const tenant = { id: TENANT.id };
  if (place.kind === 'bot') return {};
  if (place.kind === 'chat') {
    return {
      conversation: {
        isGroup: place.chat.chatType === 'group',
        conversationType: place.chat.chatType === 'group' ? 'groupChat' : 'personal',
        id: place.chat.id,
        tenantId: TENANT.id,
      },
      channelData: { tenant, source: { name: 'compose' } },
    };
  }
  const { team, channel } = place;
  const general = team.channels[0]?.id ?? channel.id;
  return {
    conversation: {
      isGroup: true,
      conversationType: 'channel',
      id: threadRootId ? `${channel.id};messageid=${threadRootId}` : channel.id,
      name: channel.displayName,
      tenantId: TENANT.id,
    },
    channelData: {
      team: { id: general, name: team.displayName, aadGroupId: team.id },
      channel: { id: channel.id, name: channel.displayName },
      tenant,
      source: { name: 'compose' },
    },
  };
}

/** The conversation id a place's messages are stored under (channel id or chat id). */
export const storedConversationId = (place: InvokePlace): string | null =>
  place.kind === 'channel' ? place.channel.id : place.kind === 'chat' ? place.chat.id : null;
