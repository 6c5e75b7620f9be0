import type { BotActivity } from '../../../domain/bot-activity';
import { commandOf } from '../../../domain/bot-job';
import { conversationSeen, microsoftUserKey } from '../../../domain/conversation';
import type { ActivityLedger, BotWorkQueue, ConversationStore } from '../../ports/bot-messenger';
import type { Clock } from '../../ports/platform';
import { answerInvoke, READ_ONLY_INVOKES, type InvokeDeps } from './answer-invoke';
import type { AuthenticatedActivity } from './authenticate-activity';
import { noteBotRequest, type BotHealthDeps } from './bot-health';

export interface ReceiveActivityDeps extends BotHealthDeps, InvokeDeps {
  conversations: ConversationStore;
  botWork: BotWorkQueue;
  activities: ActivityLedger;
  clock: Clock;
}

/** What the bot endpoint answers over HTTP; `body` is sent as JSON, none means an empty 200. */
export interface BotAnswer {
  status: number;
  body?: unknown;
}

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
  const readOnly = activity.type === 'invoke' && READ_ONLY_INVOKES.has(activity.name ?? '');
  if (activity.id && activity.type !== 'typing' && !readOnly) {
    const key = `${activity.conversation.id}|${activity.type}|${activity.id}`;
    if (!(await deps.activities.firstSeen(key, REPLAY_WINDOW_SECONDS)))
      return activity.type === 'invoke' ? NOTHING : { status: 200 };
  }
  switch (activity.type) {
    case 'invoke':
      return { status: 200, body: await answerInvoke(deps, authenticated) };
    case 'message':
    case 'conversationUpdate':
    case 'installationUpdate':
      await noteConversation(deps, authenticated);
      return { status: 200 };
    default:
      return { status: 200 };
  }
};
