import type { BotJob } from '../../domain/bot-job';
import type { Conversation } from '../../domain/conversation';
import type { OutgoingCard } from './microsoft';

/**
 * Where the companion bot can write: a conversation Teams told the bot about, in an activity
 * whose token was checked (the service URL is trusted only from there).
 */
export interface ConversationRef {
  /** The Bot Connector's base URL for this tenant's region, e.g. `https://smba.trafficmanager.net/emea/`. */
  serviceUrl: string;
  conversationId: string;
  tenantId: string;
}

/** A plain text reply, for commands and confirmations that need no card. */
export interface OutgoingText {
  text: string;
}

/**
 * The Bot Connector REST API, acting as the bot (a client-credentials token for
 * `https://api.botframework.com/.default`). Fails with MicrosoftRequestError: a person who never
 * installed the app, blocked it or whose admin disabled it is `forbidden`.
 */
export interface BotMessenger {
  /** Posts a card (or text) into the conversation; answers the new activity's id. */
  send(
    accessToken: string,
    to: ConversationRef,
    outgoing: OutgoingCard | OutgoingText,
  ): Promise<{ activityId: string }>;
  /** Replaces an activity the bot sent (a card refreshed in place). */
  update(
    accessToken: string,
    to: ConversationRef,
    activityId: string,
    outgoing: OutgoingCard | OutgoingText,
  ): Promise<void>;
  /**
   * The bot's 1:1 conversation with a Microsoft user (`29:` id or Entra object id). Teams answers
   * the existing one when there is one; it refuses (`forbidden`) until the app is installed for them.
   */
  openPersonalConversation(
    accessToken: string,
    args: { serviceUrl: string; tenantId: string; botId: string; userId: string },
  ): Promise<ConversationRef>;
}

/**
 * The bot's cached connector token, kept in storage because invocations share no memory
 * reliably (a plain key with a TTL: docs/architecture.md, "Access tokens outside secrets").
 */
export interface CachedBotToken {
  accessToken: string;
  expiresAt: number;
  clientId: string;
}

export interface BotTokenCache {
  get(): Promise<CachedBotToken | null>;
  put(token: CachedBotToken): Promise<void>;
}

/** The bot's 1:1 conversations, by Microsoft user (`tid:oid`, lower case). */
export interface ConversationStore {
  get(microsoftUser: string): Promise<Conversation | null>;
  put(conversation: Conversation): Promise<void>;
}

/** Work the bot does after answering Teams: sends through the Bot Connector, with retries. */
export interface BotWorkQueue {
  enqueue(job: BotJob): Promise<void>;
}

/** The activities the bot endpoint has acted on, so a replayed one (same id) changes nothing. */
export interface ActivityLedger {
  /** True the first time `activityKey` is seen within `ttlSeconds`; false for a replay. */
  firstSeen(activityKey: string, ttlSeconds: number): Promise<boolean>;
}
