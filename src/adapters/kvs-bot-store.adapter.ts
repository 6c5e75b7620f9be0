import kvs from '@forge/kvs';
import type { BotStore } from '../application/ports/bot';
import type { BotHealth } from '../domain/bot-health';
import type { SigningKeyCache, SigningKeySet } from './bot-framework-auth.adapter';
import { KEY } from './kvs-keys';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The bot's settings (`bot`: a separate bot id, when the admin registered one) and its health
 * record. Only `botId` is read from the settings; whatever else they hold is another reader's.
 */
export const kvsBotStore: BotStore = {
  getBotId: async () => {
    const settings = await kvs.get<{ botId?: unknown }>(KEY.bot);
    const botId = settings?.botId;
    return typeof botId === 'string' && GUID.test(botId) ? botId.toLowerCase() : null;
  },
  getHealth: async () => (await kvs.get<BotHealth>(KEY.botHealth)) ?? null,
  putHealth: (health) => kvs.set(KEY.botHealth, health),
};

/** The Bot Framework's published keys: public data, kept so each request does not fetch them. */
export const kvsBotSigningKeyCache: SigningKeyCache = {
  get: async () => (await kvs.get<SigningKeySet>(KEY.botSigningKeys)) ?? null,
  put: (set) => kvs.set(KEY.botSigningKeys, set),
};
