/**
 * Teams' per-app, per-tenant limits that matter to a notifier:
 * any request to one team or one channel 4 per second, and 3,000 messages per channel per day.
 * @see https://learn.microsoft.com/graph/throttling-limits#microsoft-teams-service-limits
 */
export const REQUESTS_PER_SECOND = 4;
export const MESSAGES_PER_CHANNEL_PER_DAY = 3000;

/** What a request touches, for throttling. */
export interface ThrottleTarget {
  /** `team:{id}` and/or `channel:{teamId}/{channelId}` keys. */
  keys: string[];
  /** Set when the request posts a message (or reply) to this channel. */
  postsToChannel?: string;
}

export type ThrottleDecision = { ok: true } | { ok: false; retryAfterSeconds: number; reason: string };

const DAY_MS = 24 * 3600 * 1000;

/** Sliding one-second windows per key plus a per-UTC-day message count per channel. */
export class Throttle {
  private readonly recent = new Map<string, number[]>();
  private readonly daily = new Map<string, { day: number; count: number }>();

  constructor(private readonly clock: () => number) {}

  /** Admits the request (and counts it) or tells how long to wait; refused requests are not counted. */
  admit(target: ThrottleTarget): ThrottleDecision {
    const now = this.clock();
    for (const key of target.keys) {
      const window = (this.recent.get(key) ?? []).filter((t) => now - t < 1000);
      this.recent.set(key, window);
      if (window.length >= REQUESTS_PER_SECOND) {
        const waitMs = (window[0] ?? now) + 1000 - now;
        return {
          ok: false,
          retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)),
          reason: `More than ${REQUESTS_PER_SECOND} requests per second to ${key}.`,
        };
      }
    }
    const day = Math.floor(now / DAY_MS);
    const channel = target.postsToChannel;
    const posted = channel ? this.daily.get(channel) : undefined;
    const postedToday = posted && posted.day === day ? posted.count : 0;
    if (channel && postedToday >= MESSAGES_PER_CHANNEL_PER_DAY) {
      return {
        ok: false,
        retryAfterSeconds: Math.ceil(((day + 1) * DAY_MS - now) / 1000),
        reason: `More than ${MESSAGES_PER_CHANNEL_PER_DAY} messages today in ${channel}.`,
      };
    }
    for (const key of target.keys) this.recent.get(key)?.push(now);
    if (channel) this.daily.set(channel, { day, count: postedToday + 1 });
    return { ok: true };
  }

  reset(): void {
    this.recent.clear();
    this.daily.clear();
  }
}
