import type { Timer } from '../application/ports/delivery-flow';

export const systemTimer: Timer = {
  sleep: (ms) => (ms > 0 ? new Promise((resolve) => setTimeout(resolve, ms)) : Promise.resolve()),
};
