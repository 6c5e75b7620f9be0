import type { ExpiringCredential, TrackedSecret } from '../contracts/credentials';
import { secretExpiryOf } from './secret-expiry';

export type { ExpiringCredential, TrackedSecret };

/** The bot writes to site admins this many days before a secret expires, once each. */
export const WARNING_THRESHOLDS = [30, 7, 1] as const;
export type WarningThreshold = (typeof WARNING_THRESHOLDS)[number];

/**
 * The warning due for a secret `daysLeft` days from expiry: the nearest threshold it has reached
 * (5 days left → the 7-day warning; a run that missed the 30-day one does not send it late).
 * Null when none is due yet, or the secret has expired (the settings pages say so).
 */
export const warningDue = (daysLeft: number | null): WarningThreshold | null => {
  if (daysLeft === null || daysLeft <= 0) return null;
  return [...WARNING_THRESHOLDS].reverse().find((threshold) => daysLeft <= threshold) ?? null;
};

/** Where each tracked secret's expiry date is kept, as far as it is set. */
export interface SecretDates {
  /** The tenant mapping's client secret (null: no mapping). */
  clientSecretExpiresOn: string | null;
  /** A separate bot's secret (null: the mapping's app is the bot, so its secret is the client secret). */
  botSecretExpiresOn: string | null;
}

/** The tracked secrets that expire within 30 days or have expired, soonest first. */
export const expiringCredentials = (dates: SecretDates, now: Date): ExpiringCredential[] => {
  const all: Array<[TrackedSecret, string | null]> = [
    ['client-secret', dates.clientSecretExpiresOn],
    ['bot-secret', dates.botSecretExpiresOn],
  ];
  return all
    .flatMap(([which, expiresOn]) =>
      expiresOn ? [{ which, expiresOn, expiry: secretExpiryOf(expiresOn, now) }] : [],
    )
    .filter((c) => c.expiry.state === 'expiring' || c.expiry.state === 'expired')
    .sort((a, b) => a.expiresOn.localeCompare(b.expiresOn));
};

/** The words for a secret in cards and on pages. */
export const SECRET_NAMES: Record<TrackedSecret, string> = {
  'client-secret': 'The Microsoft Entra client secret',
  'bot-secret': "The companion bot's client secret",
};

/** The marker of one warning: per secret, its expiry date (a new secret starts over), threshold and admin. */
export const expiryNoticeKey = (
  secret: TrackedSecret,
  expiresOn: string,
  threshold: WarningThreshold,
  accountId: string,
): string => `expiry:${secret}:${expiresOn}:${threshold}:${accountId}`;

/** The marker of one "log in again": per login (a new login that later fails is told again). */
export const needsLoginNoticeKey = (accountId: string, connectedAt: string): string =>
  `needs-login:${accountId}:${connectedAt}`;

/**
 * The marker that `accountId` was asked about and is not a site admin, for one set of warnings
 * due: the next runs go on with the people not asked yet instead of asking the same ones again.
 */
export const notAdminKey = (
  due: ReadonlyArray<{ secret: TrackedSecret; expiresOn: string; threshold: WarningThreshold }>,
  accountId: string,
): string =>
  `not-admin:${due.map((d) => `${d.secret}:${d.expiresOn}:${d.threshold}`).join(',')}:${accountId}`;
