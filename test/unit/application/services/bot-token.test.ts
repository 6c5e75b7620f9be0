import { botAccessToken } from '../../../../src/application/services/bot-token';
import { countingIdentity, memoryBotTokens } from '../../../support/bot-fakes';
import { fakeTenants, fixedClock } from '../../../support/fakes';
import { aTenantMapping } from '../../../support/settings-builders';

describe('the bot’s Bot Connector token', () => {
  const setup = () => {
    const identity = countingIdentity();
    const botTokens = memoryBotTokens();
    const deps = {
      tenants: fakeTenants(aTenantMapping(), 'secret'),
      identity,
      botTokens,
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
});
