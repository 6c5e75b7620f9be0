import { labelAddedEvent } from '../events/event-payloads';
import { publishEvent } from '../events/publish-event';
import { canEditContent } from '../site/permissions';
import { SimulatorError } from '../site/simulator-error';
import { type ActionContext, causeOf, viewableContent } from './action-context';

/** Confluence label names are lower case and contain no whitespace. */
const LABEL_NAME = /^[^\s:;,.&#!?'"<>()[\]{}]{1,255}$/u;

/**
 * Adds a label to a page or blog post and emits `avi:confluence:added:label`. Adding a label the
 * content already has changes nothing and emits nothing.
 */
export async function addLabel(ctx: ActionContext, contentId: string, label: string): Promise<void> {
  const { site, principal } = ctx;
  const content = viewableContent(ctx, contentId, ['page', 'blogpost']);
  if (!canEditContent(site, principal, content)) {
    throw new SimulatorError(403, `You don't have permission to add labels to "${content.title}".`);
  }
  const name = label.trim().toLowerCase();
  if (!LABEL_NAME.test(name)) throw new SimulatorError(400, `"${label}" is not a valid label name.`);
  if (content.labels.some((l) => l.name === name)) return;
  const record = { id: site.labelId(name), name, prefix: 'global' as const };
  content.labels.push(record);
  site.hooks.changed();
  const event = labelAddedEvent(site, content, record, causeOf(ctx));
  await publishEvent(site, event.eventType, event.payload);
}
