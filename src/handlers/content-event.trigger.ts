import { forwardContentEvent } from '../application/forward-content-event';
import { backgroundDeps } from '../composition-root';

/** `avi:confluence:{created,updated}:{page,blogpost}`: thin, the consumer does the sending. */
export const handleContentEvent = async (event: unknown): Promise<void> => {
  const outcome = await forwardContentEvent(backgroundDeps, event);
  if (outcome.kind === 'ignored') console.warn(`Content event ignored: ${outcome.reason}`);
  else if (outcome.kind === 'queued') console.log(`Content event queued ${outcome.deliveries} deliveries`);
};
