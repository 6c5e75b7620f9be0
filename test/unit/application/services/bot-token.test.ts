import { botAccessToken } from '../../../../src/application/services/bot-token';
import {
  aBotRegistration,
  countingIdentity,
  memoryBotRegistrations,
  memoryBotTokens,
} from '../../../support/bot-fakes';
import { fakeTenants, fixedClock } from '../../../support/fakes';
import { aTenantMapping } from '../../../support/settings-builders';

describe('the bot’s Bot Connector token', () => {
  const setup = (botRegistrations = memoryBotRegistrations()) => {
    const identity = countingIdentity();
    const botTokens = memoryBotTokens();
    const deps = {
      tenants: fakeTenants(aTenantMapping(), 'secret'),
      identity,
      botTokens,
      botRegistrations,
      clock: fixedClock('2026-12-03T10:00:00Z'),
    };
    return { deps, identity, botTokens };
  };

  it('asks Entra for the Bot Connector audience once, then answers from the cache', async () => {
    const { deps, identity } = setup();
    expect(await botAccessToken(deps)).toBe('bot-token-1');
    expect(await botAccessToken(deps)).toBe('bot-token-1');
    expect(identity.audiences()).toEqual(['bot-connector']);
  });

  it('fetches a new token shortly before the cached one expires, or when told to', async () => {
    const { deps, botTokens } = setup();
    await botAccessToken(deps);
    const cached = botTokens.cached();
    if (!cached) throw new Error('nothing cached');
    botTokens.replace({ ...cached, expiresAt: deps.clock.now().getTime() + 4 * 60_000 });
    expect(await botAccessToken(deps)).toBe('bot-token-2');
    expect(await botAccessToken(deps, { forceRefresh: true })).toBe('bot-token-3');
  });

  it('never reuses a token cached for another client id', async () => {
    const { deps, botTokens } = setup();
    botTokens.replace({
      accessToken: 'old-app-token',
      expiresAt: Date.parse('2027-01-01'),
      clientId: 'another-app',
    });
    expect(await botAccessToken(deps)).toBe('bot-token-1');
  });

  it('says the site is not connected when there is no tenant mapping', async () => {
    const { deps } = setup();
    await expect(botAccessToken({ ...deps, tenants: fakeTenants(null, null) })).rejects.toMatchObject({
      code: 'tenant_not_configured',
    });
  });

  describe('with a bot registered apart from the tenant mapping (Developer Portal)', () => {
    const separate = aBotRegistration({ botId: 'b0b0b0b0-1111-4222-8333-444455556666' });

    it('signs in as that bot, with its own secret, in the mapped tenant', async () => {
      const { deps, identity, botTokens } = setup(memoryBotRegistrations(separate, 'bot-secret'));
      expect(await botAccessToken(deps)).toBe('bot-token-1');
      expect(identity.apps()).toEqual([
        { tenantId: aTenantMapping().tenantId, clientId: separate.botId, clientSecret: 'bot-secret' },
      ]);
      expect(identity.audiences()).toEqual(['bot-connector']);
      expect(botTokens.cached()?.clientId).toBe(separate.botId);
    });

    it('never reuses the mapping app’s cached token for the separate bot', async () => {
      const { deps, identity } = setup(memoryBotRegistrations(separate, 'bot-secret'));
      deps.botTokens.replace({
        accessToken: 'mapping-app-token',
        expiresAt: Date.parse('2027-01-01'),
        clientId: aTenantMapping().clientId,
      });
      expect(await botAccessToken(deps)).toBe('bot-token-1');
      expect(identity.apps()[0]?.clientId).toBe(separate.botId);
    });

    it('says what to do when the bot’s secret is missing, and asks Entra for nothing', async () => {
      const { deps, identity } = setup(memoryBotRegistrations(separate, null));
      await expect(botAccessToken(deps)).rejects.toMatchObject({
        code: 'tenant_not_configured',
        message: expect.stringMatching(/bot secret/i),
      });
      expect(identity.apps()).toEqual([]);
    });
  });
});
