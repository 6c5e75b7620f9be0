import { secretExpiryOf } from '../../../src/domain/secret-expiry';

const now = new Date('2026-11-22T10:00:00Z');

describe('secretExpiryOf', () => {
  it.each([
    ['', { daysLeft: null, state: 'unknown' }],
    ['not-a-date', { daysLeft: null, state: 'unknown' }],
    ['2027-06-30', { daysLeft: 220, state: 'ok' }],
    ['2026-12-23', { daysLeft: 31, state: 'ok' }],
    ['2026-12-22', { daysLeft: 30, state: 'expiring' }],
    ['2026-11-23', { daysLeft: 1, state: 'expiring' }],
    ['2026-11-22', { daysLeft: 0, state: 'expired' }],
    ['2026-10-01', { daysLeft: -52, state: 'expired' }],
  ])('%s → %o', (date, expected) => {
    expect(secretExpiryOf(date, now)).toEqual(expected);
  });
});
