import type {
  DestinationActivityStore,
  DigestRequest,
  DigestScheduler,
  Timer,
} from '../../src/application/ports/delivery-flow';
import type { DestinationActivity } from '../../src/domain/destination-activity';

/** In-memory fakes of the consumer's "no flood" ports, keeping what they saw. */
export const fakeActivityStore = (): DestinationActivityStore & { map: Map<string, DestinationActivity> } => {
  const map = new Map<string, DestinationActivity>();
  return {
    map,
    get: async (key) => structuredClone(map.get(key) ?? null),
    put: async (key, activity) => void map.set(key, structuredClone(activity)),
  };
};

export const fakeDigestScheduler = (): DigestScheduler & {
  scheduled: Array<{ request: DigestRequest; delaySeconds: number }>;
} => {
  const scheduled: Array<{ request: DigestRequest; delaySeconds: number }> = [];
  return {
    scheduled,
    schedule: async (request, delaySeconds) => void scheduled.push({ request, delaySeconds }),
  };
};

/** Records waits instead of waiting. */
export const fakeTimer = (): Timer & { waits: number[] } => {
  const waits: number[] = [];
  return { waits, sleep: async (ms) => void waits.push(ms) };
};
