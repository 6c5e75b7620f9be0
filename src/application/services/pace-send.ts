import type { PlannedDelivery } from '../../domain/delivery-plan';
import type { DestinationActivity } from '../../domain/destination-activity';
import { paceRequest, reserveSlot, type FloodSettings } from '../../domain/send-plan';
import type { DestinationActivityStore } from '../ports/delivery-flow';
import type { Clock, DeliveryRequeue } from '../ports/platform';

export interface PacingDeps {
  clock: Clock;
  activity: DestinationActivityStore;
  queue: DeliveryRequeue;
}

export type Deferred = { kind: 'paced'; slotAt: number; delaySeconds: number };

/**
 * Teams allows about 4 requests per second to one channel. A delivery that comes too soon after
 * the last request is handed back to the queue with a delay instead of sleeping: on Forge every
 * second a function runs is billed, waiting included. It reserves its slot in the destination's
 * activity (the session writes it with nothing else), so the messages behind it queue after it.
 *
 * A message that already waited is sent without asking again: one deferred to its slot (Forge
 * waited at least the delay, so the slot has come), and a platform retry (it waited Retry-After).
 * Checking the clock again would be right on Forge but loops in the emulator, which shortens
 * queue delays (`delayScale`) while the app reads the real clock; and a deferred retry would
 * start its retry count again.
 */
export const deferForPacing = async (
  deps: PacingDeps,
  delivery: PlannedDelivery,
  activity: DestinationActivity,
  settings: FloodSettings,
  waited: boolean,
): Promise<Deferred | null> => {
  if (waited || delivery.deferredTo !== undefined) return null;
  const pacing = paceRequest(activity, deps.clock.now().getTime(), settings);
  if (pacing.action === 'send') return null;
  // Pushed before the reservation is stored: a failed push leaves no slot held for nobody.
  await deps.queue.defer({ ...delivery, deferredTo: pacing.slotAt }, pacing.delaySeconds);
  await deps.activity.put(delivery.concurrencyKey, reserveSlot(activity, pacing.slotAt));
  return { kind: 'paced', slotAt: pacing.slotAt, delaySeconds: pacing.delaySeconds };
};
