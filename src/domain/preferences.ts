import { z } from 'zod';

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
  })
  .strict();

export type PersonalPreferences = z.infer<typeof personalPreferencesSchema>;

export const DEFAULT_PREFERENCES: PersonalPreferences = {
  watchedContentUpdated: true,
  mentions: true,
  commentsOnMyContent: true,
  repliesToMyComments: true,
  quietHours: { enabled: false, start: '19:00', end: '08:00', timeZone: 'UTC' },
  dailyDigest: false,
};
