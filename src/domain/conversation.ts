import type { BotActivity } from './bot-activity';

/**
 * The companion bot's 1:1 conversation with one Microsoft user, as Teams reported it in an
 * authenticated activity. `microsoftUser` (`tid:oid`, lower case) is the key the connection's
 * index uses too, so a Confluence account and its chat with the bot find each other.
 */
export interface Conversation {
  schemaVersion: 1;
  microsoftUser: string;
  tenantId: string;
  /** Entra object id. */
  oid: string;
  /** Teams' `29:` id for the person, as the activity named them. */
  userId: string;
  serviceUrl: string;
  conversationId: string;
  botId: string;
  /** False once the person removed the app; the bot then writes nothing to them. */
  installed: boolean;
  /**
   * The connection time (`Connection.connectedAt`) the bot last confirmed in this chat, so a
   * login is confirmed once, whichever came first: the login or the app.
   */
  confirmedConnection: string | null;
  /** Whether the welcome for a person who has not logged in yet went out. */
  welcomed: boolean;
  updatedAt: string;
}

export const microsoftUserKey = (tenantId: string, oid: string): string => `${tenantId}:${oid}`.toLowerCase();

/** What an install or a message in the personal scope says about the chat; null elsewhere. */
export const conversationSeen = (
  activity: BotActivity,
  tenantId: string,
  botId: string,
  now: Date,
  previous: Conversation | null,
): Conversation | null => {
  const oid = activity.from.aadObjectId;
  const personal =
    (activity.conversation.conversationType ?? 'personal') === 'personal' && !activity.conversation.isGroup;
  if (!oid || !personal) return null;
  const removed = activity.type === 'installationUpdate' && (activity.action ?? '').startsWith('remove');
  return {
    schemaVersion: 1,
    microsoftUser: microsoftUserKey(tenantId, oid),
    tenantId,
    oid: oid.toLowerCase(),
    userId: activity.from.id,
    serviceUrl: activity.serviceUrl,
    conversationId: activity.conversation.id,
    botId,
    installed: !removed,
    confirmedConnection: previous?.confirmedConnection ?? null,
    welcomed: previous?.welcomed ?? false,
    updatedAt: now.toISOString(),
  };
};
