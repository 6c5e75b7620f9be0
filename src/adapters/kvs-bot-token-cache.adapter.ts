import kvs from '@forge/kvs';
import { z } from 'zod';
import type { BotTokenCache } from '../application/ports/bot-messenger';
import { SECRET } from './kvs-keys';

const cachedToken = z.object({
  accessToken: z.string().min(1),
  expiresAt: z.number(),
  clientId: z.string().min(1),
});

/** The connector token lives in a KVS secret: encrypted at rest and never listed with plain keys. */
export const kvsBotTokenCache: BotTokenCache = {
  get: async () => {
    const stored = cachedToken.safeParse(await kvs.getSecret(SECRET.botConnectorToken));
    // A value this version cannot read is as good as no token: the next request fetches one.
    return stored.success ? stored.data : null;
  },
  put: (token) => kvs.setSecret(SECRET.botConnectorToken, token),
};
