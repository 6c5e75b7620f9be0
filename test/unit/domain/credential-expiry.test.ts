import { expiringCredentials, warningDue } from '../../../src/domain/credential-expiry';

describe('which expiry warning is due', () => {
  it.each([
    [45, null],
    [31, null],
    [30, 30],
    [8, 30],
    [7, 7],
    [2, 7],
    [1, 1],
    [0, null], // expired: the settings pages say so; the bot does not warn late
    [-3, null],
    [null, null],
  ])('%p days left → %p', (daysLeft, threshold) => {
    expect(warningDue(daysLeft)).toBe(threshold);
  });
});

describe('the credentials a site admin is warned about', () => {
  const now = new Date('2026-12-01T10:00:00Z');

  it('lists secrets within 30 days or expired, soonest first, and nothing else', () => {
    expect(
      expiringCredentials({ clientSecretExpiresOn: '2026-12-20', botSecretExpiresOn: '2026-11-30' }, now),
    ).toEqual([
      { which: 'bot-secret', expiresOn: '2026-11-30', expiry: { state: 'expired', daysLeft: -1 } },
      { which: 'client-secret', expiresOn: '2026-12-20', expiry: { state: 'expiring', daysLeft: 19 } },
    ]);
    expect(
      expiringCredentials({ clientSecretExpiresOn: '2027-06-30', botSecretExpiresOn: null }, now),
    ).toEqual([]);
    expect(expiringCredentials({ clientSecretExpiresOn: null, botSecretExpiresOn: null }, now)).toEqual([]);
  });
});
