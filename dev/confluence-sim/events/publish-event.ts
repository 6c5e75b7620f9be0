import type { ConfluenceSite } from '../site/confluence-site';

/**
 * Records a product event and hands it to the host (the sandbox forwards it to the Forge emulator).
 * The action waits for delivery so scripted scenarios are deterministic; a failing receiver is
 * reported but never undoes the change, as Confluence would not either.
 */
export async function publishEvent(site: ConfluenceSite, eventType: string, payload: object): Promise<void> {
  site.events.push({ eventType, payload });
  try {
    await site.hooks.emitEvent(eventType, payload);
  } catch (error) {
    console.error(`Confluence simulator: delivering ${eventType} failed`, error);
  }
}
