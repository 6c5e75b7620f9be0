import {
  confirmDisconnectCard,
  connectedCard,
  disconnectedCard,
  helpCard,
  statusCard,
  testMessageCard,
  UNKNOWN_COMMAND_TEXT,
  welcomeCard,
  type StatusFacts,
} from '../../../domain/bot-cards';
import type { BotJob } from '../../../domain/bot-job';
import type { AdaptiveCard } from '../../../domain/card-elements';
import type { Connection } from '../../../domain/connection';
import { microsoftUserKey, type Conversation } from '../../../domain/conversation';
import type { BotMessenger, ConversationStore, OutgoingText } from '../../ports/bot-messenger';
import type { ConfluencePeople } from '../../ports/confluence';
import type { AppUrls } from '../../ports/platform';
import type { ConnectionStore, PreferenceStore, RuleStore } from '../../ports/stores';
import { DEFAULT_PREFERENCES, type PersonalPreferences } from '../../../domain/preferences';
import { sendAsBot } from '../../services/bot-send';
import type { BotTokenDeps } from '../../services/bot-token';
import { classifyFailure, type Failure } from '../../services/send-as-owner';
import type { NoticeLedger } from '../../ports/people-directory';
import { sendExpiryWarning, sendNeedsLogin } from './bot-notices';

export interface BotWorkDeps extends BotTokenDeps {
  conversations: ConversationStore;
  connections: Pick<ConnectionStore, 'get' | 'findByMicrosoftUser'>;
  rules: Pick<RuleStore, 'listByOwner'>;
  people: ConfluencePeople;
  bot: BotMessenger;
  urls: Pick<AppUrls, 'personalPageUrl'>;
  preferences: Pick<PreferenceStore, 'get'>;
  /** Notices sent once (bot-notices.ts). */
  notices: NoticeLedger;
}

export type BotWorkOutcome =
  { kind: 'sent'; what: string } | { kind: 'nothing'; why: string } | { kind: 'not-installed' } | Failure;

type Outgoing = { card: AdaptiveCard; sendId: string } | OutgoingText;

/** The personal page to link to: from the job when a resolver queued it, else the site kept with the mapping. */
const pageUrl = async (deps: BotWorkDeps, siteUrl: string | undefined): Promise<string | undefined> => {
  const site = siteUrl ?? (await deps.tenants.get())?.siteUrl;
  return site ? deps.urls.personalPageUrl(site) : undefined;
};

const sendTo = async (
  deps: BotWorkDeps,
  conversation: Conversation,
  outgoing: Outgoing,
): Promise<'sent' | 'not-installed'> =>
  (await sendAsBot(deps, conversation, outgoing)) === 'not-installed' ? 'not-installed' : 'sent';

const cardOf = (card: AdaptiveCard, what: string): Outgoing => ({ card, sendId: what });

const connectionOf = async (deps: BotWorkDeps, conversation: Conversation): Promise<Connection | null> =>
  (await deps.connections.findByMicrosoftUser(conversation.tenantId, conversation.oid))[0] ?? null;

/** Confirms `connection` in the chat once per login (whichever came first: the login or the app). */
const confirm = async (
  deps: BotWorkDeps,
  conversation: Conversation,
  connection: Connection,
  siteUrl: string | undefined,
): Promise<BotWorkOutcome> => {
  if (conversation.confirmedConnection === connection.connectedAt)
    return { kind: 'nothing', why: 'already confirmed' };
  const name = await deps.people.displayNameOf(connection.accountId);
  const card = connectedCard(name, await pageUrl(deps, siteUrl));
  if ((await sendTo(deps, conversation, cardOf(card, 'connected'))) === 'not-installed')
    return { kind: 'not-installed' };
  await deps.conversations.put({
    ...conversation,
    confirmedConnection: connection.connectedAt,
    updatedAt: deps.clock.now().toISOString(),
  });
  return { kind: 'sent', what: 'connected' };
};

const greet = async (deps: BotWorkDeps, conversation: Conversation): Promise<BotWorkOutcome> => {
  const connection = await connectionOf(deps, conversation);
  if (connection) return confirm(deps, conversation, connection, undefined);
  if (conversation.welcomed) return { kind: 'nothing', why: 'already welcomed' };
  const card = welcomeCard(await pageUrl(deps, undefined));
  if ((await sendTo(deps, conversation, cardOf(card, 'welcome'))) === 'not-installed')
    return { kind: 'not-installed' };
  await deps.conversations.put({
    ...conversation,
    welcomed: true,
    updatedAt: deps.clock.now().toISOString(),
  });
  return { kind: 'sent', what: 'welcome' };
};

/** What reaches the person here, in the words of their personal page. */
const personalInWords = (preferences: PersonalPreferences): string[] => {
  const events = [
    preferences.watchedContentUpdated ? 'pages you watch' : '',
    preferences.mentions ? '@mentions' : '',
    preferences.commentsOnMyContent ? 'comments on your content' : '',
    preferences.repliesToMyComments ? 'replies to your comments' : '',
  ].filter(Boolean);
  const zone = preferences.quietHours.timeZone;
  const timing = preferences.dailyDigest
    ? `in a daily digest at ${preferences.dailyDigestTime} (${zone})`
    : preferences.quietHours.enabled
      ? `held during quiet hours ${preferences.quietHours.start}–${preferences.quietHours.end} (${zone})`
      : '';
  return events.length > 0 ? [...events, ...(timing ? [timing] : [])] : [];
};

const statusOf = async (deps: BotWorkDeps, connection: Connection | null): Promise<StatusFacts> => {
  if (!connection) return { confluenceName: null, connection: 'not-connected', rules: 0, personal: [] };
  const [name, rules, preferences] = await Promise.all([
    deps.people.displayNameOf(connection.accountId),
    deps.rules.listByOwner(connection.accountId),
    deps.preferences.get(connection.accountId),
  ]);
  const personal = rules.filter((r) => r.enabled && r.destination.type === 'personal').length;
  return {
    confluenceName: name,
    connection: connection.status === 'ok' ? 'connected' : 'needs-login',
    rules: rules.length,
    personal: [
      ...personalInWords(preferences ?? DEFAULT_PREFERENCES),
      ...(personal > 0 ? [`${personal} of your rules`] : []),
    ],
  };
};

const answerCommand = async (
  deps: BotWorkDeps,
  conversation: Conversation,
  command: Extract<BotJob, { kind: 'command' }>['command'],
): Promise<BotWorkOutcome> => {
  const page = await pageUrl(deps, undefined);
  const outgoing: Outgoing =
    command === 'help'
      ? cardOf(helpCard(page), 'help')
      : command === 'status'
        ? cardOf(statusCard(await statusOf(deps, await connectionOf(deps, conversation)), page), 'status')
        : command === 'disconnect'
          ? (await connectionOf(deps, conversation))
            ? cardOf(confirmDisconnectCard(), 'confirm-disconnect')
            : cardOf(welcomeCard(page), 'welcome')
          : { text: UNKNOWN_COMMAND_TEXT };
  if ((await sendTo(deps, conversation, outgoing)) === 'not-installed') return { kind: 'not-installed' };
  return { kind: 'sent', what: command };
};

const installedConversation = async (deps: BotWorkDeps, microsoftUser: string) => {
  const conversation = await deps.conversations.get(microsoftUser);
  return conversation?.installed ? conversation : null;
};

const run = async (deps: BotWorkDeps, job: BotJob): Promise<BotWorkOutcome> => {
  switch (job.kind) {
    case 'greet': {
      const conversation = await installedConversation(deps, job.microsoftUser);
      return conversation ? greet(deps, conversation) : { kind: 'not-installed' };
    }
    case 'command': {
      const conversation = await installedConversation(deps, job.microsoftUser);
      return conversation ? answerCommand(deps, conversation, job.command) : { kind: 'not-installed' };
    }
    case 'disconnected': {
      const conversation = await installedConversation(deps, job.microsoftUser);
      if (!conversation) return { kind: 'not-installed' };
      const card = disconnectedCard(await pageUrl(deps, job.siteUrl));
      if ((await sendTo(deps, conversation, cardOf(card, 'disconnected'))) === 'not-installed')
        return { kind: 'not-installed' };
      await deps.conversations.put({
        ...conversation,
        confirmedConnection: null,
        updatedAt: deps.clock.now().toISOString(),
      });
      return { kind: 'sent', what: 'disconnected' };
    }
    case 'expiry-warning':
      return sendExpiryWarning(deps, job);
    case 'needs-login':
      return sendNeedsLogin(deps, job);
    case 'confirm-connection':
    case 'test-message': {
      const connection = await deps.connections.get(job.accountId);
      if (!connection) return { kind: 'nothing', why: 'not connected' };
      const conversation = await installedConversation(
        deps,
        microsoftUserKey(connection.tenantId, connection.oid),
      );
      // Not installed yet: the greeting confirms the login once the app is added.
      if (!conversation) return { kind: 'not-installed' };
      if (job.kind === 'confirm-connection') return confirm(deps, conversation, connection, job.siteUrl);
      const card = testMessageCard(
        await deps.people.displayNameOf(connection.accountId),
        await pageUrl(deps, job.siteUrl),
      );
      const sent = await sendTo(deps, conversation, cardOf(card, 'test'));
      return sent === 'not-installed' ? { kind: 'not-installed' } : { kind: 'sent', what: 'test message' };
    }
  }
};

/**
 * One bot job from the queue. A passing failure (throttling, an outage) goes back to the queue
 * with Microsoft's Retry-After; anything else is logged and dropped: these are conversational
 * messages, and a confirmation that never arrives is repeated by the next greeting.
 */
export const doBotWork = async (deps: BotWorkDeps, job: BotJob, attempt: number): Promise<BotWorkOutcome> => {
  try {
    return await run(deps, job);
  } catch (error) {
    return classifyFailure(error, attempt, 'The bot');
  }
};
