import {
  digestDue,
  holdFor,
  inQuietHours,
  wallClock,
  withinWindow,
  type PersonalDigest,
} from '../../../src/domain/personal-hold';
import { DEFAULT_PREFERENCES, type PersonalPreferences } from '../../../src/domain/preferences';

const prefs = (
  part: Partial<PersonalPreferences> & { quiet?: Partial<PersonalPreferences['quietHours']> } = {},
) => {
  const { quiet, ...rest } = part;
  return { ...DEFAULT_PREFERENCES, ...rest, quietHours: { ...DEFAULT_PREFERENCES.quietHours, ...quiet } };
};

const digest = (items = 1, lastDigestDate: string | null = null): PersonalDigest => ({
  schemaVersion: 1,
  accountId: 'mia',
  items: Array.from({ length: items }, (_, i) => ({
    deliveryKey: `k${i}`,
    senderAccountId: 'mia',
    kind: 'page_updated',
    contentType: 'page',
    spaceKey: 'ENG',
    title: 't',
    url: 'https://x.example/wiki/p',
    authorName: 'Sam',
    redacted: false,
    at: 0,
  })),
  lastDigestDate,
});

describe('quiet hours and the daily digest, on the person’s own clock', () => {
  it('reads the wall clock in the person’s zone, daylight saving included', () => {
    // Berlin is UTC+1 in winter and UTC+2 in summer.
    expect(wallClock(new Date('2026-12-03T07:30:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-12-03',
      time: '08:30',
    });
    expect(wallClock(new Date('2026-07-03T07:30:00Z'), 'Europe/Berlin')).toEqual({
      date: '2026-07-03',
      time: '09:30',
    });
    expect(wallClock(new Date('2026-12-03T23:30:00Z'), 'Asia/Tokyo')).toEqual({
      date: '2026-12-04',
      time: '08:30',
    });
  });

  it('knows windows that run past midnight, and an empty window', () => {
    expect(withinWindow('23:00', '19:00', '08:00')).toBe(true);
    expect(withinWindow('07:59', '19:00', '08:00')).toBe(true);
    expect(withinWindow('08:00', '19:00', '08:00')).toBe(false);
    expect(withinWindow('12:00', '09:00', '17:00')).toBe(true);
    expect(withinWindow('12:00', '12:00', '12:00')).toBe(false);
  });

  it('holds a card during quiet hours in the person’s zone only when they are on', () => {
    const night = new Date('2026-12-03T22:00:00Z'); // 23:00 in Berlin
    const on = prefs({ quiet: { enabled: true, timeZone: 'Europe/Berlin' } });
    expect(inQuietHours(on, night)).toBe(true);
    expect(holdFor(on, night)).toEqual({ kind: 'quiet-hours', until: '08:00' });
    expect(holdFor(prefs({ quiet: { enabled: false, timeZone: 'Europe/Berlin' } }), night)).toBeNull();
    expect(holdFor(on, new Date('2026-12-03T12:00:00Z'))).toBeNull();
  });

  it('holds every card for the daily digest, quiet or not', () => {
    const daily = prefs({ dailyDigest: true, dailyDigestTime: '17:30' });
    expect(holdFor(daily, new Date('2026-12-03T12:00:00Z'))).toEqual({ kind: 'daily-digest', at: '17:30' });
  });

  it('sends the daily digest once a day, at or after its time on the person’s clock', () => {
    const daily = prefs({
      dailyDigest: true,
      dailyDigestTime: '09:00',
      quiet: { timeZone: 'America/New_York' },
    });
    // 08:59 and 09:00 in New York (UTC-5 in December).
    expect(digestDue(daily, digest(), new Date('2026-12-03T13:59:00Z'))).toBe(false);
    expect(digestDue(daily, digest(), new Date('2026-12-03T14:00:00Z'))).toBe(true);
    expect(digestDue(daily, digest(1, '2026-12-03'), new Date('2026-12-03T20:00:00Z'))).toBe(false);
    expect(digestDue(daily, digest(0), new Date('2026-12-03T14:00:00Z'))).toBe(false);
  });

  it('sends what quiet hours held as soon as they are over', () => {
    const quiet = prefs({
      quiet: { enabled: true, start: '19:00', end: '08:00', timeZone: 'Europe/Berlin' },
    });
    expect(digestDue(quiet, digest(), new Date('2026-12-03T06:59:00Z'))).toBe(false); // 07:59
    expect(digestDue(quiet, digest(), new Date('2026-12-03T07:00:00Z'))).toBe(true); // 08:00
  });
});
