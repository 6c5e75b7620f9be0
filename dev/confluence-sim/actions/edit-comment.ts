import { contentEvent } from '../events/event-payloads';
import { publishEvent } from '../events/publish-event';
import type { ContentRecord } from '../site/content-record';
import { canEditComment } from '../site/permissions';
import { SimulatorError } from '../site/simulator-error';
import { type ActionContext, appendVersion, causeOf, viewableContent } from './action-context';

/** Saves a new version of a comment and emits `avi:confluence:updated:comment`. */
export async function editComment(
  ctx: ActionContext,
  id: string,
  input: { body: string; baseVersion?: number },
): Promise<ContentRecord> {
  const comment = viewableContent(ctx, id, ['comment']);
  if (!canEditComment(ctx.site, ctx.principal, comment)) {
    throw new SimulatorError(403, "You don't have permission to edit this comment.");
  }
  if (input.baseVersion !== undefined && input.baseVersion !== comment.version) {
    throw new SimulatorError(
      409,
      `Version must be incremented on update. Current version is: ${comment.version}`,
    );
  }
  if (!input.body.trim()) throw new SimulatorError(400, 'A comment needs a body.');
  appendVersion(ctx, comment, { body: input.body });
  ctx.site.hooks.changed();
  const event = contentEvent(ctx.site, 'updated', comment, causeOf(ctx));
  await publishEvent(ctx.site, event.eventType, event.payload);
  return comment;
}
