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
