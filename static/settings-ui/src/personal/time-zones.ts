/** The browser's own zone: the best first guess for a person's quiet hours. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** Every IANA zone the browser knows, plus `current` if it does not list it (UTC often is not listed). */
export const timeZoneOptions = (current: string): string[] => {
  const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return zones.includes(current) || !current ? zones : [current, ...zones];
};

/** "Europe/Berlin (UTC+01:00)" reads better than the bare name when choosing. */
export const zoneLabel = (zone: string): string => {
  try {
    const offset = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'longOffset' })
      .formatToParts(new Date())
      .find((part) => part.type === 'timeZoneName')?.value;
    if (!offset) return zone;
    const utc = offset === 'GMT' ? 'UTC+00:00' : offset.replace('GMT', 'UTC');
    return `${zone.replace(/_/g, ' ')} (${utc})`;
  } catch {
    return zone;
  }
};
