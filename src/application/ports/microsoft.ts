import type { GraphDestination } from '../../domain/rule';

export interface TokenSet {
  accessToken: string;
  refreshToken: string | null;
  idToken: string | null;
  expiresInSeconds: number;
  scope: string;
}

export interface AppCredentials {
  tenantId: string;
  clientId: string;
  clientSecret: string;
}

/** An answer from Microsoft that was not a success. `code` is OAuth's `error` or Graph's `error.code`. */
export class MicrosoftRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'MicrosoftRequestError';
  }
}

/** Microsoft Entra ID v2.0 endpoints. */
export interface MicrosoftIdentity {
  authorizeUrl(args: {
    tenantId: string;
    clientId: string;
    redirectUri: string;
    state: string;
    codeChallenge: string;
    scopes: readonly string[];
  }): string;
  adminConsentUrl(args: { tenantId: string; clientId: string; redirectUri: string; state: string }): string;
  redeemCode(
    app: AppCredentials,
    args: { code: string; redirectUri: string; codeVerifier: string; scopes: readonly string[] },
  ): Promise<TokenSet>;
  refresh(app: AppCredentials, args: { refreshToken: string; scopes: readonly string[] }): Promise<TokenSet>;
  clientCredentials(app: AppCredentials): Promise<TokenSet>;
}

export interface TeamSummary {
  id: string;
  displayName: string;
}
export interface ChannelSummary {
  id: string;
  displayName: string;
  membershipType: string;
}
export interface ChatSummary {
  id: string;
  topic: string;
  chatType: string;
}

/**
 * A picker's listing. Graph pages long lists (`@odata.nextLink`) and a resolver has 25 s, so a
 * listing may stop early: `truncated` says it did, for the UI to tell the person.
 */
export interface Listing<T> {
  items: T[];
  truncated: boolean;
}

/** How many of a destination's newest messages (or a thread's replies) a search looks through. */
export const RECENT_MESSAGES_SCANNED = 100;

/** Microsoft Graph, acting with a delegated access token. */
export interface TeamsMessenger {
  listJoinedTeams(accessToken: string): Promise<Listing<TeamSummary>>;
  listChannels(accessToken: string, teamId: string): Promise<Listing<ChannelSummary>>;
  listChats(accessToken: string): Promise<Listing<ChatSummary>>;
  /** `webUrl`: the message's link in Teams, when Graph answers one. */
  postMessage(
    accessToken: string,
    destination: GraphDestination,
    message: object,
  ): Promise<{ messageId: string; webUrl?: string | null }>;
  /**
   * Replaces a message's body and attachments (PATCH). Graph lets only the sender edit, and
   * needs ChannelMessage.ReadWrite in channels, Chat.ReadWrite in chats.
   */
  updateMessage(
    accessToken: string,
    destination: GraphDestination,
    messageId: string,
    message: object,
  ): Promise<void>;
  /**
   * The id of a recent message carrying an attachment with id `attachmentId`, or null: among the
   * destination's newest messages, or the newest replies to `replyToId`. Needs a permission of
   * READ_MESSAGES_PERMISSIONS. Looks only a bounded way back (RECENT_MESSAGES_SCANNED).
   */
  findRecentMessage(
    accessToken: string,
    destination: GraphDestination,
    attachmentId: string,
    replyToId?: string,
  ): Promise<string | null>;
  /** Posts a reply in the thread of a channel message (chats have no threads). */
  replyToMessage(
    accessToken: string,
    destination: Extract<GraphDestination, { type: 'channel' }>,
    messageId: string,
    message: object,
  ): Promise<{ messageId: string }>;
}
