import { BotAuthError } from '../../../../../src/application/ports/bot';
import { authenticateActivity } from '../../../../../src/application/use-cases/bot/authenticate-activity';
import {
  activity,
  botEndpointHarness as harness,
  CLIENT_ID,
  refusal,
  SEPARATE_BOT,
  SERVICE_URL,
} from '../../../../support/bot-endpoint-harness';

describe('authenticating a request to the bot endpoint', () => {
  it('checks the token for the tenant mapping’s client id and returns the parsed activity', async () => {
    const h = harness();
    const result = await authenticateActivity(h.deps, {
      authorization: 'Bearer x',
      body: JSON.stringify(activity()),
    });
    expect(result.activity.type).toBe('message');
    expect(h.audiences).toEqual([CLIENT_ID]);
  });

  it('uses a separately stored bot id when there is one', async () => {
    const h = harness({ storedBotId: SEPARATE_BOT });
    await authenticateActivity(h.deps, {
      authorization: 'Bearer x',
      body: JSON.stringify(activity({}, SEPARATE_BOT)),
    });
    expect(h.audiences).toEqual([SEPARATE_BOT]);
  });

  it('refuses 401 when no tenant is mapped: no token can be for this bot', async () => {
    const h = harness({ mapping: null });
    expect(await refusal(authenticateActivity(h.deps, { authorization: 'Bearer x', body: '{}' }))).toBe(
      'unauthenticated',
    );
    expect(h.health()?.lastAuthFailureReason).toBe('bot-not-configured');
  });

  it('refuses an invalid token as unauthenticated before reading the body', async () => {
    const h = harness();
    h.refuseWith(new BotAuthError('expired'));
    expect(await refusal(authenticateActivity(h.deps, { authorization: 'Bearer x', body: 'not json' }))).toBe(
      'unauthenticated',
    );
    expect(h.health()).toMatchObject({ lastAuthFailureReason: 'expired', lastRequestAt: null });
  });

  it('refuses a body that is not an activity as invalid input, with a valid token', async () => {
    const h = harness();
    for (const body of ['not json', '[]', '{"type":1}', JSON.stringify(activity({ serviceUrl: 'ftp://x' }))])
      expect(await refusal(authenticateActivity(h.deps, { authorization: 'Bearer x', body }))).toBe(
        'invalid_input',
      );
  });

  it.each([
    ['not-endorsed', activity(), { serviceUrl: SERVICE_URL, endorsements: [] }],
    ['service-url-mismatch', activity({ serviceUrl: 'https://smba.trafficmanager.net/emea/' }), undefined],
    [
      'wrong-tenant',
      activity({
        conversation: { id: 'a:1', tenantId: '00000000-0000-4000-8000-000000000000' },
        channelData: { tenant: { id: '00000000-0000-4000-8000-000000000000' } },
      }),
      undefined,
    ],
    [
      'wrong-channel',
      activity({ channelId: 'webchat' }),
      { serviceUrl: SERVICE_URL, endorsements: ['webchat'] },
    ],
    ['wrong-recipient', activity({ recipient: { id: `28:${SEPARATE_BOT}` } }), undefined],
  ])('refuses %s as forbidden and records why', async (reason, body, signed) => {
    const h = harness();
    if (signed) h.signed(signed);
    expect(
      await refusal(authenticateActivity(h.deps, { authorization: 'Bearer x', body: JSON.stringify(body) })),
    ).toBe('forbidden');
    expect(h.health()?.lastAuthFailureReason).toBe(reason);
  });

  it('writes the failure record at most once a minute, whatever an attacker sends', async () => {
    const h = harness();
    for (let i = 0; i < 20; i += 1) {
      await refusal(authenticateActivity(h.deps, { authorization: null, body: '{}' }));
      h.advance(1000);
    }
    expect(h.healthWrites).toHaveLength(1);
    h.advance(60_000);
    await refusal(authenticateActivity(h.deps, { authorization: null, body: '{}' }));
    expect(h.healthWrites).toHaveLength(2);
  });
});
