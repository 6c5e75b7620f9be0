import type { HeldItem } from './destination-activity';
import type { PersonalPreferences } from './preferences';

/**
 * Quiet hours and the daily digest, in the person's own time zone (daylight saving included:
 * the local clock comes from the platform's time zone data, never from a fixed offset).
 */

/** The date and time on the person's wall clock: `YYYY-MM-DD` and `HH:MM`. */
export const wallClock = (now: Date, timeZone: string): { date: string; time: string } => {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  return { date: `${parts.year}-${parts.month}-${parts.day}`, time: `${parts.hour}:${parts.minute}` };
};

/** Whether `time` (HH:MM) falls in [start, end), a window that may run past midnight. */
export const withinWindow = (time: string, start: string, end: string): boolean => {
  if (start === end) return false;
  return start < end ? time >= start && time < end : time >= start || time < end;
};

export const inQuietHours = (preferences: PersonalPreferences, now: Date): boolean => {
  const { enabled, start, end, timeZone } = preferences.quietHours;
  return enabled && withinWindow(wallClock(now, timeZone).time, start, end);
};

/** Why a personal card waits instead of going out now; null when it goes now. */
export type PersonalHold = { kind: 'daily-digest'; at: string } | { kind: 'quiet-hours'; until: string };

export const holdFor = (preferences: PersonalPreferences, now: Date): PersonalHold | null => {
  if (preferences.dailyDigest) return { kind: 'daily-digest', at: preferences.dailyDigestTime };
  if (inQuietHours(preferences, now)) return { kind: 'quiet-hours', until: preferences.quietHours.end };
  return null;
};

export const holdReason = (hold: PersonalHold, timeZone: string): string =>
  hold.kind === 'daily-digest'
    ? `In your daily digest at ${hold.at} (${timeZone})`
    : `Held for your quiet hours, until ${hold.until} (${timeZone})`;

/** One person's cards waiting for their digest, and the last day a daily digest went out. */
export interface PersonalDigest {
  schemaVersion: 1;
  accountId: string;
  items: HeldItem[];
  /** The person's local date of the last daily digest, so it goes once a day. */
  lastDigestDate: string | null;
}

/** The most items one personal digest lists; the rest are counted. */
export const MAX_PERSONAL_DIGEST_ITEMS = 30;

/**
 * Whether the held cards go out now: a daily digest once a day, at or after its time on the
 * person's clock; cards held for quiet hours as soon as the quiet hours are over.
 */
export const digestDue = (preferences: PersonalPreferences, digest: PersonalDigest, now: Date): boolean => {
  if (digest.items.length === 0) return false;
  if (preferences.dailyDigest) {
    const local = wallClock(now, preferences.quietHours.timeZone);
    return local.time >= preferences.dailyDigestTime && digest.lastDigestDate !== local.date;
  }
  return !inQuietHours(preferences, now);
};
