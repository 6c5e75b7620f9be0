import type { BotActivity } from '../../../domain/bot-activity';
import { confirmDisconnectCard, disconnectedCard, DISCONNECT_VERB } from '../../../domain/bot-cards';
import { commandOf } from '../../../domain/bot-job';
import type { AdaptiveCard } from '../../../domain/card-elements';
import { conversationSeen, microsoftUserKey } from '../../../domain/conversation';
import type { ActivityLedger, BotWorkQueue, ConversationStore } from '../../ports/bot-messenger';
import type { Clock } from '../../ports/platform';
import type { ConnectionStore, TokenVault } from '../../ports/stores';
import type { AuthenticatedActivity } from './authenticate-activity';
import { noteBotRequest, type BotHealthDeps } from './bot-health';

export interface ReceiveActivityDeps extends BotHealthDeps {
  conversations: ConversationStore;
  botWork: BotWorkQueue;
  connections: Pick<ConnectionStore, 'findByMicrosoftUser' | 'delete'>;
  tokens: Pick<TokenVault, 'delete'>;
  activities: ActivityLedger;
  clock: Clock;
}

/** What the bot endpoint answers over HTTP; `body` is sent as JSON, none means an empty 200. */
export interface BotAnswer {
  status: number;
  body?: unknown;
}

/** Universal Actions: the card that replaces the one whose button was pressed. */
const replaceCard = (card: AdaptiveCard): BotAnswer => ({
  status: 200,
  body: { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card },
});

/** Longer than a Bot Framework token lives (about an hour) plus the five minutes' skew. */
const REPLAY_WINDOW_SECONDS = 2 * 60 * 60;

/** An invoke the bot does not handle: `{}`, which Teams takes as "nothing to show". */
const NOTHING: BotAnswer = { status: 200, body: {} };

const isBotAdded = (activity: BotActivity): boolean =>
  (activity.type === 'installationUpdate' && !(activity.action ?? '').startsWith('remove')) ||
  (activity.type === 'conversationUpdate' &&
    (activity.membersAdded ?? []).some((member) => member.id === activity.recipient.id));

/**
 * Install events and messages in the personal scope keep the 1:1 conversation (the only place
 * its reference comes from, and only from an authenticated activity) and queue the greeting or
 * the command's answer; Teams gets its 200 at once.
 */
const noteConversation = async (
  deps: ReceiveActivityDeps,
  { activity, botId, tenantId }: AuthenticatedActivity,
): Promise<void> => {
  const oid = activity.from.aadObjectId;
  if (!oid) return;
  const microsoftUser = microsoftUserKey(tenantId, oid);
  const previous = await deps.conversations.get(microsoftUser);
  const seen = conversationSeen(activity, tenantId, botId, deps.clock.now(), previous);
  if (!seen) return;
  const changed =
    !previous ||
    previous.installed !== seen.installed ||
    previous.serviceUrl !== seen.serviceUrl ||
    previous.conversationId !== seen.conversationId;
  if (changed) await deps.conversations.put(seen);
  if (!seen.installed) return;
  // Teams may not send a first-install event: a person's first message greets them too.
  if (isBotAdded(activity) || (activity.type === 'message' && !previous))
    await deps.botWork.enqueue({ kind: 'greet', microsoftUser });
  if (activity.type === 'message')
    await deps.botWork.enqueue({ kind: 'command', microsoftUser, command: commandOf(activity.text) });
};

const actionVerb = (value: unknown): string | null => {
  const action = (value as { action?: { type?: unknown; verb?: unknown } } | null)?.action;
  return action?.type === 'Action.Execute' && typeof action.verb === 'string' ? action.verb : null;
};

/**
 * "Disconnect" confirmed in the 1:1 chat: the Microsoft user's own link is removed (tokens
 * first), and the card says so. Only the person the activity is signed for can do this.
 */
const disconnectFromTeams = async (
  deps: ReceiveActivityDeps,
  { activity, tenantId }: AuthenticatedActivity,
): Promise<BotAnswer> => {
  const oid = activity.from.aadObjectId;
  if (!oid) return NOTHING;
  const linked = await deps.connections.findByMicrosoftUser(tenantId, oid);
  for (const connection of linked) {
    await deps.tokens.delete(connection.accountId);
    await deps.connections.delete(connection.accountId);
  }
  const microsoftUser = microsoftUserKey(tenantId, oid);
  const conversation = await deps.conversations.get(microsoftUser);
  if (conversation?.confirmedConnection)
    await deps.conversations.put({
      ...conversation,
      confirmedConnection: null,
      updatedAt: deps.clock.now().toISOString(),
    });
  return replaceCard(linked.length > 0 ? disconnectedCard(undefined) : confirmDisconnectCard());
};

/**
 * An activity that passed authentication (authenticate-activity.ts). Messages and install events
 * answer 200 at once (their work goes to a queue); an invoke is answered in the body.
 */
export const receiveActivity = async (
  deps: ReceiveActivityDeps,
  authenticated: AuthenticatedActivity,
): Promise<BotAnswer> => {
  await noteBotRequest(deps);
  const { activity } = authenticated;
  // A valid token lives about an hour: a captured request replayed meanwhile is acted on once.
  if (activity.id && activity.type !== 'typing') {
    const key = `${activity.conversation.id}|${activity.type}|${activity.id}`;
    if (!(await deps.activities.firstSeen(key, REPLAY_WINDOW_SECONDS)))
      return activity.type === 'invoke' ? NOTHING : { status: 200 };
  }
  switch (activity.type) {
    case 'invoke':
      if (activity.name === 'adaptiveCard/action' && actionVerb(activity.value) === DISCONNECT_VERB)
        return disconnectFromTeams(deps, authenticated);
      return NOTHING;
    case 'message':
    case 'conversationUpdate':
    case 'installationUpdate':
      await noteConversation(deps, authenticated);
      return { status: 200 };
    default:
      return { status: 200 };
  }
};
