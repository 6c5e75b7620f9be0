import type { SecretExpiry } from '../contracts/tenant';
import { AppError } from './app-error';

export type { SecretExpiry };

const EXPIRY_WARNING_DAYS = 30;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Entra shows only the expiry date, not the hour, so the secret is taken to stop working at
 * the start of that day (UTC): warning a few hours early beats a silent outage.
 */
export const secretExpiryOf = (secretExpiresOn: string, now: Date): SecretExpiry => {
  const expiresAt = Date.parse(`${secretExpiresOn}T00:00:00Z`);
  if (!secretExpiresOn || Number.isNaN(expiresAt)) return { daysLeft: null, state: 'unknown' };
  // `|| 0` turns the -0 that Math.ceil gives on the expiry day into 0.
  const daysLeft = Math.ceil((expiresAt - now.getTime()) / DAY_MS) || 0;
  if (daysLeft <= 0) return { daysLeft, state: 'expired' };
  return { daysLeft, state: daysLeft <= EXPIRY_WARNING_DAYS ? 'expiring' : 'ok' };
};

/**
 * An expiry date that has come means the secret no longer works: saving it would show "saved"
 * next to "expired" and let consent start with a dead secret. Only a new secret helps.
 */
export const refuseExpiredSecretDate = (secretExpiresOn: string, now: Date): void => {
  if (secretExpiryOf(secretExpiresOn, now).state !== 'expired') return;
  throw new AppError(
    'invalid_input',
    'This client secret has expired, so it was not saved. Create a new client secret in Microsoft Entra and enter it with its expiry date.',
    {
      secretExpiresOn:
        'This date has passed. Create a new client secret in Microsoft Entra and enter its expiry date.',
    },
  );
};
