import { flushPersonalDigests } from '../application/use-cases/notifications/flush-personal-digests';
import { backgroundDeps } from '../composition-root';

/**
 * Every five minutes: personal cards held for quiet hours go out once they end, and daily
 * digests at each person's chosen time.
 */
export const handlePersonalDigests = async (): Promise<void> => {
  const counts = await flushPersonalDigests(backgroundDeps, new Date());
  console.log(`Personal digests: ${JSON.stringify(counts)}`);
};
