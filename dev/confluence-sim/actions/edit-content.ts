import { contentEvent } from '../events/event-payloads';
import { publishEvent } from '../events/publish-event';
import type { ContentRecord } from '../site/content-record';
import { canEditContent } from '../site/permissions';
import { SimulatorError } from '../site/simulator-error';
import { type ActionContext, appendVersion, causeOf, checkTitle, viewableContent } from './action-context';
import { autowatch } from './set-watch';

/** Input of `editPage`. */
export interface EditContentInput {
  title?: string;
  body?: string;
  minorEdit?: boolean;
  versionMessage?: string;
  /**
   * The version number the editor started from (web form) or the new number it asks for minus one
   * (REST). When set and stale, the edit fails with 409 like a Confluence version conflict.
   */
  baseVersion?: number;
}

/** Saves a new version of a page or blog post and emits `avi:confluence:updated:page|blogpost`. */
export async function editContent(
  ctx: ActionContext,
  id: string,
  input: EditContentInput,
): Promise<ContentRecord> {
  const content = viewableContent(ctx, id, ['page', 'blogpost']);
  if (!canEditContent(ctx.site, ctx.principal, content)) {
    throw new SimulatorError(403, `You don't have permission to edit "${content.title}".`);
  }
  if (input.baseVersion !== undefined && input.baseVersion !== content.version) {
    throw new SimulatorError(
      409,
      `Version must be incremented on update. Current version is: ${content.version}`,
    );
  }
  const title =
    input.title === undefined ? undefined : checkTitle(ctx, content.spaceKey, input.title, content.type, id);
  appendVersion(ctx, content, {
    ...(title !== undefined ? { title } : {}),
    ...(input.body !== undefined ? { body: input.body } : {}),
    ...(input.versionMessage !== undefined ? { message: input.versionMessage } : {}),
    minorEdit: input.minorEdit ?? false,
  });
  autowatch(ctx, content);
  ctx.site.hooks.changed();
  const event = contentEvent(ctx.site, 'updated', content, causeOf(ctx));
  await publishEvent(ctx.site, event.eventType, event.payload);
  return content;
}
