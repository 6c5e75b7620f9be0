import kvs from '@forge/kvs';
import { z } from 'zod';
import type { BotTokenCache, CachedBotToken } from '../application/ports/bot-messenger';
import { KEY } from './kvs-keys';

const cachedToken = z.object({
  accessToken: z.string().min(1),
  expiresAt: z.number(),
  clientId: z.string().min(1),
});

/** A stored value as a token; one this version cannot read is as good as none (the next send fetches one). */
export const botTokenFrom = (value: unknown): CachedBotToken | null => {
  const stored = cachedToken.safeParse(value);
  return stored.success ? stored.data : null;
};

/**
 * The connector token is an access token only (client credentials give no refresh token): a
 * plain key whose TTL ends when the token does, read with a personal delivery's other records
 * (docs/architecture.md, "Access tokens outside secrets"). Versions before it kept it in the
 * secret `bot-connector-token`, which is no longer read; its token expired within the hour.
 */
export const kvsBotTokenCache: BotTokenCache = {
  get: async () => botTokenFrom(await kvs.get(KEY.botConnectorToken)),
  put: async (token) => {
    const seconds = Math.floor((token.expiresAt - Date.now()) / 1000);
    if (seconds < 1) return;
    await kvs.set(KEY.botConnectorToken, token, { ttl: { value: seconds, unit: 'SECONDS' } });
  },
};
