import type { ChannelSummary, ChatSummary, Listing, TeamSummary } from '../../contracts/teams-directory';
import type { AdaptiveCard } from '../../domain/card-elements';
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

/**
 * What a failed request to Microsoft means for the app. Adapters translate HTTP statuses, OAuth
 * error codes and dropped connections into these; the application branches on nothing else.
 * - `throttled`: refused for now (429); try again after `retryAfterSeconds`.
 * - `maybe-sent`: no answer, or a gateway gave up (500, 502, 504): it may have been carried out.
 * - `unavailable`: refused before doing anything (503, other 5xx); may succeed later.
 * - `token-rejected`: Graph refused the access token before its expiry (401): refresh, repeat.
 * - `grant-rejected`: Entra refused the refresh token or code (`invalid_grant`): sign in again.
 * - `app-rejected`: Entra refused the app's own client id or secret (401).
 * - `gone`: the chat, channel or message no longer exists (404, 410).
 * - `forbidden`: the person may not do this there (403): not a member, or a permission missing.
 * - `invalid`: Microsoft refused the request as it stands (400, 413, other 4xx).
 */
export type MicrosoftFailureKind =
  | 'throttled'
  | 'maybe-sent'
  | 'unavailable'
  | 'token-rejected'
  | 'grant-rejected'
  | 'app-rejected'
  | 'gone'
  | 'forbidden'
  | 'invalid';

/** The `code` of a request that got no answer at all (the connection dropped). */
export const NO_ANSWER = 'network_error';

/**
 * A request to Microsoft that did not succeed. The application branches on `kind`; `status`
 * (the HTTP status; 503 when nothing answered) and `code` (OAuth's `error` or Graph's
 * `error.code`) are detail for logs and the words people read.
 */
export class MicrosoftRequestError extends Error {
  constructor(
    readonly kind: MicrosoftFailureKind,
    readonly status: number,
    readonly code: string,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'MicrosoftRequestError';
  }
}

/** Whether `error` is a Microsoft failure of one of `kinds` (of any kind when none are named). */
export const isMicrosoftFailure = (
  error: unknown,
  ...kinds: MicrosoftFailureKind[]
): error is MicrosoftRequestError =>
  error instanceof MicrosoftRequestError && (kinds.length === 0 || kinds.includes(error.kind));

/** Which API an app-only token is for. */
export type TokenAudience = 'graph' | 'bot-connector';

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
  /** Microsoft's admin consent for the organization, asking for `scopes` (not `.default`). */
  adminConsentUrl(args: {
    tenantId: string;
    clientId: string;
    redirectUri: string;
    state: string;
    scopes: readonly string[];
  }): string;
  redeemCode(
    app: AppCredentials,
    args: { code: string; redirectUri: string; codeVerifier: string; scopes: readonly string[] },
  ): Promise<TokenSet>;
  refresh(app: AppCredentials, args: { refreshToken: string; scopes: readonly string[] }): Promise<TokenSet>;
  /** A token for the app itself: Graph's (default) or the Bot Connector's, for the companion bot. */
  clientCredentials(app: AppCredentials, audience?: TokenAudience): Promise<TokenSet>;
}

// The pickers' listings are what the UI shows: their types live in src/contracts.
export type { ChannelSummary, ChatSummary, Listing, TeamSummary };

/** How many of a destination's newest messages (or a thread's replies) a search looks through. */
export const RECENT_MESSAGES_SCANNED = 100;

/**
 * One card to show in Teams. `sendId` is the same on every attempt of one send, and the message
 * carries it so that a retry can find (findRecentMessage) what an earlier attempt left in Teams.
 */
export interface OutgoingCard {
  card: AdaptiveCard;
  sendId: string;
}

/**
 * Where a person can send: their teams, a team's channels, their chats (the settings pickers).
 * Microsoft Graph with the person's delegated access token; fails with MicrosoftRequestError.
 */
export interface TeamsDirectory {
  listJoinedTeams(accessToken: string): Promise<Listing<TeamSummary>>;
  listChannels(accessToken: string, teamId: string): Promise<Listing<ChannelSummary>>;
  listChats(accessToken: string): Promise<Listing<ChatSummary>>;
}

/**
 * Cards in channels and chats, sent as a person: Microsoft Graph with their delegated access
 * token. Fails with MicrosoftRequestError.
 */
export interface TeamsMessenger {
  /** `webUrl`: the message's link in Teams, when Graph answers one. */
  postMessage(
    accessToken: string,
    destination: GraphDestination,
    outgoing: OutgoingCard,
  ): Promise<{ messageId: string; webUrl?: string | null }>;
  /**
   * Replaces a message's card (PATCH). Graph lets only the sender edit, and needs
   * ChannelMessage.ReadWrite in channels, Chat.ReadWrite in chats.
   */
  updateMessage(
    accessToken: string,
    destination: GraphDestination,
    messageId: string,
    outgoing: OutgoingCard,
  ): Promise<void>;
  /**
   * The id of a recent message carrying the card of send `sendId`, or null: among the
   * destination's newest messages, or the newest replies to `replyToId`. Needs a permission of
   * READ_MESSAGES_PERMISSIONS. Looks only a bounded way back (RECENT_MESSAGES_SCANNED).
   */
  findRecentMessage(
    accessToken: string,
    destination: GraphDestination,
    sendId: string,
    replyToId?: string,
  ): Promise<string | null>;
  /** Posts a card as a reply in the thread of a channel message (chats have no threads). */
  replyToMessage(
    accessToken: string,
    destination: Extract<GraphDestination, { type: 'channel' }>,
    messageId: string,
    outgoing: OutgoingCard,
  ): Promise<{ messageId: string }>;
}

/** Both, as one Graph client serves them. */
export type GraphTeams = TeamsDirectory & TeamsMessenger;
