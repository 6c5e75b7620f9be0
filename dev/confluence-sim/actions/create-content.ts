import { contentEvent } from '../events/event-payloads';
import { publishEvent } from '../events/publish-event';
import type { ContentRecord } from '../site/content-record';
import { canEditSpace } from '../site/permissions';
import { SimulatorError } from '../site/simulator-error';
import { type ActionContext, causeOf, checkTitle, viewableContent } from './action-context';
import { autowatch } from './set-watch';

/** Input of `createPage`. */
export interface CreateContentInput {
  spaceKey: string;
  title: string;
  body: string;
  parentId?: string;
  type?: 'page' | 'blogpost';
}

/**
 * Creates a page (under `parentId`, or under the space homepage as the "Create" button does) or a
 * blog post, then emits `avi:confluence:created:page|blogpost`.
 */
export async function createContent(ctx: ActionContext, input: CreateContentInput): Promise<ContentRecord> {
  const { site, principal } = ctx;
  const type = input.type ?? 'page';
  const space = site.spaceByKey(input.spaceKey);
  if (!space) throw new SimulatorError(404, `No space with key: ${input.spaceKey}`);
  if (!canEditSpace(principal, space.key)) {
    throw new SimulatorError(403, `You don't have permission to create content in space ${space.key}.`);
  }
  let parentId: string | undefined;
  if (type === 'page') {
    const parent = viewableContent(ctx, input.parentId ?? space.homepageId, ['page']);
    if (parent.spaceKey !== space.key)
      throw new SimulatorError(400, 'The parent page must be in the same space.');
    parentId = parent.id;
  } else if (input.parentId) {
    throw new SimulatorError(400, 'Blog posts have no parent page.');
  }
  const title = checkTitle(ctx, space.key, input.title, type);
  const when = site.now();
  const record: ContentRecord = {
    id: site.nextContentId(),
    type,
    status: 'current',
    spaceKey: space.key,
    title,
    body: input.body,
    version: 1,
    versions: [
      { number: 1, by: principal.accountId, when, message: '', minorEdit: false, title, body: input.body },
    ],
    createdBy: principal.accountId,
    createdAt: when,
    ownerId: principal.accountId,
    ...(parentId ? { parentId } : {}),
    labels: [],
    restrictions: { read: [], update: [] },
  };
  site.addContent(record);
  autowatch(ctx, record);
  site.hooks.changed();
  const event = contentEvent(site, 'created', record, causeOf(ctx));
  await publishEvent(site, event.eventType, event.payload);
  return record;
}
