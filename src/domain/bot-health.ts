import type { BotRefusalReason } from './bot-activity';

/** The bot endpoint's health line for the site admin: last request, last refusal and why. */
export interface BotHealth {
  schemaVersion: 1;
  lastRequestAt: string | null;
  lastAuthFailureAt: string | null;
  lastAuthFailureReason: BotRefusalReason | null;
}

/**
 * The record is written at most this often per kind, so a flood of requests (or of forged ones)
 * cannot turn into a KVS write per request.
 */
export const HEALTH_WRITE_INTERVAL_MS = 60_000;

const EMPTY: BotHealth = {
  schemaVersion: 1,
  lastRequestAt: null,
  lastAuthFailureAt: null,
  lastAuthFailureReason: null,
};

const due = (last: string | null, now: Date): boolean => {
  if (!last) return true;
  const age = now.getTime() - Date.parse(last);
  // A time in the future (a clock that went back) or unreadable counts as due.
  return !(age >= 0 && age < HEALTH_WRITE_INTERVAL_MS);
};

/** The record after an accepted request, or null when it was written less than a minute ago. */
export const healthAfterRequest = (previous: BotHealth | null, now: Date): BotHealth | null =>
  due(previous?.lastRequestAt ?? null, now)
    ? { ...(previous ?? EMPTY), lastRequestAt: now.toISOString() }
    : null;

/** The record after a refusal, or null when a refusal was written less than a minute ago. */
export const healthAfterRefusal = (
  previous: BotHealth | null,
  reason: BotRefusalReason,
  now: Date,
): BotHealth | null =>
  due(previous?.lastAuthFailureAt ?? null, now)
    ? { ...(previous ?? EMPTY), lastAuthFailureAt: now.toISOString(), lastAuthFailureReason: reason }
    : null;
