/** A person's own notification settings (the personal page). Times are HH:MM in `timeZone`. */
export interface PersonalPreferences {
  watchedContentUpdated: boolean;
  mentions: boolean;
  commentsOnMyContent: boolean;
  repliesToMyComments: boolean;
  quietHours: { enabled: boolean; start: string; end: string; timeZone: string };
  dailyDigest: boolean;
  /** HH:MM in `quietHours.timeZone`: when the daily digest goes out. */
  dailyDigestTime: string;
}
