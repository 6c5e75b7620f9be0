import {
  getTenantSettings,
  saveTenantSettings,
  type TenantSettingsDeps,
} from '../../../../../src/application/use-cases/settings/tenant-settings';
import {
  countingRandom,
  fakeConfluence,
  fakeTenants,
  fixedClock,
  scriptedIdentity,
} from '../../../../support/fakes';
import { refusal } from '../../../../support/refusal';
import { aTenantMapping } from '../../../../support/settings-builders';

const deps = (secretExpiresOn: string, now: string): TenantSettingsDeps => ({
  tenants: fakeTenants(aTenantMapping({ secretExpiresOn }), 'secret'),
  ...fakeConfluence({ isSiteAdmin: async (id) => id === 'ada' }),
  identity: scriptedIdentity([]),
  states: {
    create: async () => undefined,
    consume: async () => null,
    saveCompletion: async () => undefined,
    peekCompletion: async () => null,
    redeemCompletion: async () => false,
  },
  urls: {
    oauthRedirectUri: async () => 'https://example.invalid/callback',
    personalPageUrl: (site) => `${site}/wiki/apps/app/env/microsoft-teams`,
    botMessagingEndpoint: async () => 'https://example.invalid/bot-messages',
  },
  clock: fixedClock(now),
  random: countingRandom(),
});

describe('getTenantSettings: the client secret expiry, computed on the server', () => {
  it.each([
    ['2027-06-30', '2026-11-22T10:00:00Z', { daysLeft: 220, state: 'ok' }],
    ['2026-12-10', '2026-11-22T10:00:00Z', { daysLeft: 18, state: 'expiring' }],
    ['2026-11-01', '2026-11-22T10:00:00Z', { daysLeft: -21, state: 'expired' }],
  ])('secret expiring %s, today %s → %o', async (expiresOn, now, expected) => {
    const view = await getTenantSettings(deps(expiresOn, now), { accountId: 'ada' });
    expect(view.secretExpiry).toEqual(expected);
    expect(JSON.stringify(view)).not.toContain('"secret"');
  });

  it('is for site admins only', async () => {
    expect(
      (await refusal(getTenantSettings(deps('2027-06-30', '2026-11-22T10:00:00Z'), { accountId: 'sam' })))
        .code,
    ).toBe('forbidden');
  });
});

describe('saveTenantSettings: an expiry date that has passed (issue 13, item 9)', () => {
  it('refuses it on the date field and changes nothing', async () => {
    const stored = aTenantMapping({ secretExpiresOn: '2027-06-30' });
    const tenants = fakeTenants(stored, 'old-secret');
    const refused = await refusal(
      saveTenantSettings(
        { ...deps('2027-06-30', '2026-11-22T10:00:00Z'), tenants },
        { accountId: 'ada' },
        {
          tenantId: stored.tenantId,
          clientId: stored.clientId,
          clientSecret: 'new-secret',
          secretExpiresOn: '2026-11-01',
        },
      ),
    );
    expect(refused.code).toBe('invalid_input');
    expect(refused.fieldErrors?.secretExpiresOn).toMatch(/passed.*new client secret/);
    await expect(tenants.get()).resolves.toEqual(stored);
    await expect(tenants.getClientSecret()).resolves.toBe('old-secret');
  });
});
