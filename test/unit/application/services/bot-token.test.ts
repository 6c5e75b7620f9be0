import type { BotTokenCache } from '../../../../src/application/ports/bot-messenger';
import type { MicrosoftIdentity, TokenAudience } from '../../../../src/application/ports/microsoft';
import { botAccessToken } from '../../../../src/application/services/bot-token';
import { fakeTenants, fixedClock } from '../../../support/fakes';
import { aTenantMapping } from '../../../support/settings-builders';

/** An identity that hands out numbered app-only tokens and remembers which audience was asked. */
const countingIdentity = () => {
  const asked: TokenAudience[] = [];
  const identity = {
    clientCredentials: async (_app: unknown, audience: TokenAudience = 'graph') => {
      asked.push(audience);
      return {
        accessToken: `bot-token-${asked.length}`,
        refreshToken: null,
        idToken: null,
        expiresInSeconds: 3600,
        scope: '',
      };
    },
  } as unknown as MicrosoftIdentity;
  return { identity, asked };
};

const memoryCache = (): BotTokenCache & { value: Awaited<ReturnType<BotTokenCache['get']>> } => {
  const cache = {
    value: null as Awaited<ReturnType<BotTokenCache['get']>>,
    get: async () => cache.value,
    put: async (token: NonNullable<Awaited<ReturnType<BotTokenCache['get']>>>) => {
      cache.value = token;
    },
  };
  return cache;
};

describe('the bot’s Bot Connector token', () => {
  const setup = (now = '2026-12-03T10:00:00Z') => {
    const { identity, asked } = countingIdentity();
    const botTokens = memoryCache();
    const deps = {
      tenants: fakeTenants(aTenantMapping(), 'secret'),
      identity,
      botTokens,
      clock: fixedClock(now),
    };
    return { deps, asked, botTokens };
  };

  it('asks Entra for the Bot Connector audience once, then answers from the cache', async () => {
    const { deps, asked } = setup();
    expect(await botAccessToken(deps)).toBe('bot-token-1');
    expect(await botAccessToken(deps)).toBe('bot-token-1');
    expect(asked).toEqual(['bot-connector']);
  });

  it('fetches a new token shortly before the cached one expires, or when told to', async () => {
    const { deps, botTokens } = setup();
    await botAccessToken(deps);
    const cached = botTokens.value;
    if (!cached) throw new Error('nothing cached');
    botTokens.value = { ...cached, expiresAt: deps.clock.now().getTime() + 4 * 60_000 };
    expect(await botAccessToken(deps)).toBe('bot-token-2');
    expect(await botAccessToken(deps, { forceRefresh: true })).toBe('bot-token-3');
  });

  it('never reuses a token cached for another client id', async () => {
    const { deps, botTokens } = setup();
    botTokens.value = {
      accessToken: 'old-app-token',
      expiresAt: Date.parse('2027-01-01'),
      clientId: 'another-app',
    };
    expect(await botAccessToken(deps)).toBe('bot-token-1');
  });

  it('says the site is not connected when there is no tenant mapping', async () => {
    const { deps } = setup();
    await expect(botAccessToken({ ...deps, tenants: fakeTenants(null, null) })).rejects.toMatchObject({
      code: 'tenant_not_configured',
    });
  });
});
