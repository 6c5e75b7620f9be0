import type { ContentRestrictions } from '../site/content-record';
import { canEditContent } from '../site/permissions';
import { SimulatorError } from '../site/simulator-error';
import { type ActionContext, viewableContent } from './action-context';

/**
 * Replaces a page's or blog post's read and/or update restrictions (accountIds; empty = not
 * restricted), as someone who may edit it, like Confluence's "Restrictions" dialog. Confluence
 * emits no product event the app subscribes to for this, so none is emitted.
 */
export function restrictContent(
  ctx: ActionContext,
  contentId: string,
  restrictions: Partial<ContentRestrictions>,
): void {
  const content = viewableContent(ctx, contentId, ['page', 'blogpost']);
  if (!canEditContent(ctx.site, ctx.principal, content)) {
    throw new SimulatorError(
      403,
      `You don't have permission to change the restrictions of "${content.title}".`,
    );
  }
  content.restrictions = {
    read: [...(restrictions.read ?? content.restrictions.read)],
    update: [...(restrictions.update ?? content.restrictions.update)],
  };
  ctx.site.hooks.changed();
}
