import type {
  DestinationActivityStore,
  DigestRequest,
  DigestScheduler,
} from '../../src/application/ports/delivery-flow';
import type { DestinationActivity } from '../../src/domain/destination-activity';

/** In-memory fakes of the consumer's "no flood" ports, keeping what they saw. */
export interface FakeActivityStore extends DestinationActivityStore {
  /** What the store holds for a destination now (the stored value, not a copy). */
  activityFor(key: string): DestinationActivity | undefined;
}

export const fakeActivityStore = (): FakeActivityStore => {
  const map = new Map<string, DestinationActivity>();
  return {
    activityFor: (key) => map.get(key),
    get: async (key) => structuredClone(map.get(key) ?? null),
    put: async (key, activity) => void map.set(key, structuredClone(activity)),
  };
};

export interface FakeDigestScheduler extends DigestScheduler {
  /** Every digest scheduled, with its delay, in order. */
  scheduledDigests(): Array<{ request: DigestRequest; delaySeconds: number }>;
}

export const fakeDigestScheduler = (): FakeDigestScheduler => {
  const scheduled: Array<{ request: DigestRequest; delaySeconds: number }> = [];
  return {
    scheduledDigests: () => [...scheduled],
    schedule: async (request, delaySeconds) => void scheduled.push({ request, delaySeconds }),
  };
};
