import type { EventCause } from '../events/event-payloads';
import type { ConfluenceSite } from '../site/confluence-site';
import type { ContentRecord } from '../site/content-record';
import { canViewContent } from '../site/permissions';
import type { Principal } from '../site/principal';
import { SimulatorError } from '../site/simulator-error';

/**
 * Everything an action needs: the site, who acts, and whether the change came through the REST API
 * the app calls (`app`, so its events are `selfGenerated`) or from a person in the web UI or a test
 * script (`product`).
 */
export interface ActionContext {
  site: ConfluenceSite;
  principal: Principal;
  origin: 'app' | 'product';
}

export function causeOf(ctx: ActionContext): EventCause {
  return { actorId: ctx.principal.accountId, selfGenerated: ctx.origin === 'app' };
}

/** The content, or 404 when it does not exist or the principal may not see it (Confluence hides it). */
export function viewableContent(
  ctx: ActionContext,
  id: string,
  types: ContentRecord['type'][],
): ContentRecord {
  const content = ctx.site.content(id);
  if (!content || !types.includes(content.type) || !canViewContent(ctx.site, ctx.principal, content)) {
    throw new SimulatorError(404, `No content found with id: ${id}`);
  }
  return content;
}

/** Adds a version and keeps the flat title/body/version fields equal to it. */
export function appendVersion(
  ctx: ActionContext,
  content: ContentRecord,
  change: { title?: string; body?: string; message?: string; minorEdit?: boolean },
): void {
  const version = {
    number: content.version + 1,
    by: ctx.principal.accountId,
    when: ctx.site.now(),
    message: change.message ?? '',
    minorEdit: change.minorEdit ?? false,
    title: change.title ?? content.title,
    body: change.body ?? content.body,
  };
  content.versions.push(version);
  content.version = version.number;
  content.title = version.title;
  content.body = version.body;
}

/** Confluence refuses empty titles and, for pages, a title already used in the same space. */
export function checkTitle(
  ctx: ActionContext,
  spaceKey: string,
  title: string,
  type: string,
  selfId?: string,
): string {
  const trimmed = title.trim();
  if (!trimmed) throw new SimulatorError(400, 'A title is required.');
  if (trimmed.length > 255) throw new SimulatorError(400, 'Title must be 255 characters or fewer.');
  const clash = ctx.site
    .allContent()
    .find(
      (c) =>
        c.type === 'page' &&
        type === 'page' &&
        c.spaceKey === spaceKey &&
        c.title === trimmed &&
        c.id !== selfId,
    );
  if (clash) throw new SimulatorError(400, `A page with this title already exists: ${trimmed}`);
  return trimmed;
}
