import type { Destination } from '../../domain/rule';

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

/** Microsoft Graph, acting with a delegated access token. */
export interface TeamsMessenger {
  listJoinedTeams(accessToken: string): Promise<TeamSummary[]>;
  listChannels(accessToken: string, teamId: string): Promise<ChannelSummary[]>;
  listChats(accessToken: string): Promise<ChatSummary[]>;
  postMessage(accessToken: string, destination: Destination, message: object): Promise<{ messageId: string }>;
}
