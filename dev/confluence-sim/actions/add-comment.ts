import { contentEvent } from '../events/event-payloads';
import { publishEvent } from '../events/publish-event';
import type { ContentRecord } from '../site/content-record';
import { canComment } from '../site/permissions';
import { SimulatorError } from '../site/simulator-error';
import { type ActionContext, causeOf, viewableContent } from './action-context';

/** Input of `addComment`. */
export interface AddCommentInput {
  body: string;
  parentCommentId?: string;
  location?: 'footer' | 'inline';
  /** Content properties set with the comment (v1 `metadata.properties`), present when the event fires. */
  properties?: Record<string, unknown>;
}

/**
 * Adds a footer or inline comment (or a reply, which takes its parent's location) to a page or blog
 * post and emits `avi:confluence:created:comment`.
 */
export async function addComment(
  ctx: ActionContext,
  containerId: string,
  input: AddCommentInput,
): Promise<ContentRecord> {
  const { site, principal } = ctx;
  const container = viewableContent(ctx, containerId, ['page', 'blogpost']);
  if (!canComment(site, principal, container)) {
    throw new SimulatorError(403, `You don't have permission to comment on "${container.title}".`);
  }
  if (!input.body.trim()) throw new SimulatorError(400, 'A comment needs a body.');
  let location = input.location ?? 'footer';
  if (input.parentCommentId) {
    const parent = site.content(input.parentCommentId);
    if (!parent || parent.type !== 'comment' || parent.containerId !== container.id) {
      throw new SimulatorError(400, `No comment ${input.parentCommentId} on content ${container.id}.`);
    }
    location = parent.location ?? 'footer';
  }
  const when = site.now();
  const title = `Re: ${container.title}`;
  const record: ContentRecord = {
    id: site.nextContentId(),
    type: 'comment',
    status: 'current',
    spaceKey: container.spaceKey,
    title,
    body: input.body,
    version: 1,
    versions: [
      { number: 1, by: principal.accountId, when, message: '', minorEdit: false, title, body: input.body },
    ],
    createdBy: principal.accountId,
    createdAt: when,
    ownerId: principal.accountId,
    containerId: container.id,
    ...(input.parentCommentId ? { parentCommentId: input.parentCommentId } : {}),
    location,
    labels: [],
    restrictions: { read: [], update: [] },
  };
  if (input.properties) {
    record.properties = Object.fromEntries(
      Object.entries(input.properties).map(([key, value]) => [
        key,
        { id: `${record.id}-${key}`, key, value, version: 1 },
      ]),
    );
  }
  site.addContent(record);
  site.hooks.changed();
  const event = contentEvent(site, 'created', record, causeOf(ctx));
  await publishEvent(site, event.eventType, event.payload);
  return record;
}
