import { AppError } from '../../../src/domain/app-error';
import { refuseExpiredSecretDate, secretExpiryOf } from '../../../src/domain/secret-expiry';

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

describe('refuseExpiredSecretDate: a secret that has already expired is not saved (issue 13, item 9)', () => {
  it.each(['2026-11-22', '2026-11-21', '2025-01-01'])(
    'refuses %s, today 2026-11-22, on the date field',
    (day) => {
      let refused: unknown;
      try {
        refuseExpiredSecretDate(day, now);
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(AppError);
      const { code, message, fieldErrors } = refused as AppError;
      expect(code).toBe('invalid_input');
      expect(message).toMatch(/expired/);
      expect(fieldErrors?.secretExpiresOn).toMatch(/new client secret/);
    },
  );

  it.each(['2026-11-23', '2027-06-30'])('accepts %s', (day) => {
    expect(() => refuseExpiredSecretDate(day, now)).not.toThrow();
  });
});
