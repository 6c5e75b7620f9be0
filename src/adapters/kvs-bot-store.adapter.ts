import kvs from '@forge/kvs';
import { z } from 'zod';
import type { BotRegistration, BotRegistrationStore, BotStore } from '../application/ports/bot';
import type { BotHealth } from '../domain/bot-health';
import type { SigningKeySet, SigningKeyCache } from './bot-framework-auth.adapter';
import { KEY, SECRET } from './kvs-keys';

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The `bot` key: a bot registered apart from the tenant mapping's app. */
const storedRegistration = z.object({
  botId: z.string().regex(GUID),
  secretExpiresOn: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});

/** What this version can read of the `bot` key; anything else counts as "the mapping's app is the bot". */
export const registrationFrom = (value: unknown): BotRegistration | null => {
  const parsed = storedRegistration.safeParse(value);
  return parsed.success ? { ...parsed.data, botId: parsed.data.botId.toLowerCase() } : null;
};

const readRegistration = async (): Promise<BotRegistration | null> =>
  registrationFrom(await kvs.get(KEY.bot));

/** The bot's health record, and the bot id the endpoint checks tokens against. */
export const kvsBotStore: BotStore = {
  getBotId: async () => (await readRegistration())?.botId ?? null,
  getHealth: async () => (await kvs.get<BotHealth>(KEY.botHealth)) ?? null,
  putHealth: (health) => kvs.set(KEY.botHealth, health),
};

/** The separate bot's settings in `bot`; its secret only in the KVS secret `bot-client-secret`. */
export const kvsBotRegistrationStore: BotRegistrationStore = {
  get: readRegistration,
  put: (registration) => kvs.set(KEY.bot, { schemaVersion: 1, ...registration }),
  clear: async () => {
    await kvs.delete(KEY.bot);
    await kvs.deleteSecret(SECRET.botSecret);
  },
  getSecret: async () => (await kvs.getSecret<string>(SECRET.botSecret)) ?? null,
  setSecret: (secret) => kvs.setSecret(SECRET.botSecret, secret),
};

/** The Bot Framework's published keys: public data, kept so each request does not fetch them. */
export const kvsBotSigningKeyCache: SigningKeyCache = {
  get: async () => (await kvs.get<SigningKeySet>(KEY.botSigningKeys)) ?? null,
  put: (set) => kvs.set(KEY.botSigningKeys, set),
};
