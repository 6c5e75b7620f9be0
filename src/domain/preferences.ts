import { z } from 'zod';
import type { PersonalPreferences as PersonalPreferencesContract } from '../contracts/preferences';
import type { Agree, Proved } from './type-agreement';

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

const isTimeZone = (zone: string): boolean => {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

/** A person's own notification settings (the personal page). */
export const personalPreferencesSchema = z
  .object({
    watchedContentUpdated: z.boolean(),
    mentions: z.boolean(),
    commentsOnMyContent: z.boolean(),
    repliesToMyComments: z.boolean(),
    quietHours: z
      .object({
        enabled: z.boolean(),
        start: z.string().regex(TIME, 'Enter a time as HH:MM'),
        end: z.string().regex(TIME, 'Enter a time as HH:MM'),
        timeZone: z.string().min(1).max(64).refine(isTimeZone, 'Choose a time zone from the list'),
      })
      .strict(),
    dailyDigest: z.boolean(),
    /** When the daily digest goes out, HH:MM on the person's clock (the quiet hours' time zone). */
    dailyDigestTime: z.string().regex(TIME, 'Enter a time as HH:MM'),
  })
  .strict();

export type PersonalPreferences = z.infer<typeof personalPreferencesSchema>;

/** The compiler's proof that the personal page sends and shows exactly what this schema keeps. */
export type PreferencesAgreeWithContract = [
  Proved<Agree<z.input<typeof personalPreferencesSchema>, PersonalPreferencesContract>>,
  Proved<Agree<PersonalPreferences, PersonalPreferencesContract>>,
];

export const DEFAULT_PREFERENCES: PersonalPreferences = {
  watchedContentUpdated: true,
  mentions: true,
  commentsOnMyContent: true,
  repliesToMyComments: true,
  quietHours: { enabled: false, start: '19:00', end: '08:00', timeZone: 'UTC' },
  dailyDigest: false,
  dailyDigestTime: '09:00',
};
