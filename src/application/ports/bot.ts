import type { BotRefusalReason, VerifiedBotToken } from '../../domain/bot-activity';
import type { BotHealth } from '../../domain/bot-health';

// ── The bot endpoint: who may call it, and what it keeps about its callers ──────────────────────

/** A request to the bot endpoint without a valid Bot Framework token for this bot. */
export class BotAuthError extends Error {
  constructor(readonly reason: BotRefusalReason) {
    super(`Bot Framework token refused: ${reason}`);
    this.name = 'BotAuthError';
  }
}

/** Checks the Bot Framework's signed token on a request to the bot endpoint. */
export interface BotTokenVerifier {
  /**
   * Verifies `Authorization: Bearer <JWT>` as the Bot Connector signs it for the bot `botId`
   * (signature by a published key, issuer, audience, lifetime) and returns what the token says
   * about its activity. Throws BotAuthError when the request is not from the Bot Framework.
   */
  verify(authorization: string | null, botId: string): Promise<VerifiedBotToken>;
}

/** The companion bot's settings and health record. */
export interface BotStore {
  /** A bot id the admin registered apart from the tenant mapping's app; null uses the client id. */
  getBotId(): Promise<string | null>;
  getHealth(): Promise<BotHealth | null>;
  putHealth(health: BotHealth): Promise<void>;
}

/** A bot the site admin registered apart from the tenant mapping's app (Teams Developer Portal). */
export interface BotRegistration {
  /** The bot's Entra app id, lower case. */
  botId: string;
  /** YYYY-MM-DD: the bot secret's expiry, as Developer Portal shows it. */
  secretExpiresOn: string;
  updatedAt: string;
  updatedBy: string;
}

/** The separate bot's registration and its secret (the same KVS key `bot` as `BotStore.getBotId`). */
export interface BotRegistrationStore {
  /** The separate bot, or null when the tenant mapping's app is the bot. */
  get(): Promise<BotRegistration | null>;
  put(registration: BotRegistration): Promise<void>;
  /** Back to the tenant mapping's app: the registration and the bot secret are removed. */
  clear(): Promise<void>;
  /** The bot's client secret: write-only from the UI, read only to get the bot's token. */
  getSecret(): Promise<string | null>;
  setSecret(secret: string): Promise<void>;
}
