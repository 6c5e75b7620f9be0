import type { ContentRecord } from '../site/content-record';
import { canViewContent, canViewSpace, isSiteAdmin } from '../site/permissions';
import { type Principal, principalForAccount } from '../site/principal';
import { SimulatorError } from '../site/simulator-error';
import type { SpaceRecord } from '../site/space-record';
import { type ActionContext, viewableContent } from './action-context';

/*
 * Watching content and spaces, as the "Watch" button and the v1 user-watch REST resources do it.
 * Confluence emits no product event for a watch, so none is emitted here.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content-watches/
 */

/**
 * Whose watch a call is about: the caller, or the `accountId` it names. Naming someone else needs
 * the "Confluence Administrator" permission (a site admin here) or the app acting as itself.
 */
export function watcherFor(ctx: ActionContext, accountId: string | null | undefined): Principal {
  if (!accountId || accountId === ctx.principal.accountId) return ctx.principal;
  if (ctx.principal.kind === 'user' && !isSiteAdmin(ctx.principal)) {
    throw new SimulatorError(403, 'Only a Confluence administrator may manage the watches of another user.');
  }
  const watcher = principalForAccount(accountId);
  if (!watcher) throw new SimulatorError(404, `No user found with accountId: ${accountId}`);
  return watcher;
}

/** A page or blog post the caller can see, for its watches. */
export function watchableContent(ctx: ActionContext, contentId: string): ContentRecord {
  return viewableContent(ctx, contentId, ['page', 'blogpost']);
}

export function watchableSpace(ctx: ActionContext, spaceKey: string): SpaceRecord {
  const space = ctx.site.spaceByKey(spaceKey);
  if (!space || !canViewSpace(ctx.principal, space.key)) {
    throw new SimulatorError(404, `No space with key : ${spaceKey}`);
  }
  return space;
}

/** Starts or stops `accountId`'s (default: the caller's) watch of a page or blog post. */
export function setContentWatch(
  ctx: ActionContext,
  contentId: string,
  watching: boolean,
  accountId?: string | null,
): void {
  const content = watchableContent(ctx, contentId);
  const watcher = watcherFor(ctx, accountId);
  // Watching needs "View" on the content: nobody is notified about what they may not see.
  if (watching && !canViewContent(ctx.site, watcher, content)) {
    throw new SimulatorError(403, `User ${watcher.accountId} cannot view content ${content.id}.`);
  }
  if (ctx.site.watches.set({ contentId: content.id }, watcher.accountId, watching)) ctx.site.hooks.changed();
}

/** Starts or stops `accountId`'s (default: the caller's) watch of a whole space. */
export function setSpaceWatch(
  ctx: ActionContext,
  spaceKey: string,
  watching: boolean,
  accountId?: string | null,
): void {
  const space = watchableSpace(ctx, spaceKey);
  const watcher = watcherFor(ctx, accountId);
  if (ctx.site.watches.set({ spaceKey: space.key }, watcher.accountId, watching)) ctx.site.hooks.changed();
}

/**
 * Confluence's autowatch: a person who creates or edits a page or blog post watches it from then
 * on (the default of every profile). The app is nobody's watcher, so its changes add no watch.
 */
export function autowatch(ctx: ActionContext, content: ContentRecord): void {
  if (ctx.principal.kind !== 'user' || content.type === 'comment') return;
  ctx.site.watches.set({ contentId: content.id }, ctx.principal.accountId, true);
}
