import type { ConfluenceSite } from './confluence-site';
import type { ContentRecord } from './content-record';
import type { Principal } from './principal';

/*
 * The simulator's permission model, a small version of Confluence's (site → space → content
 * restrictions): site admins may do everything; a space admin administers and edits that space;
 * `viewerOf` people may only read there; everyone else is a member who reads and edits every space.
 * Page read restrictions are inherited from ancestor pages; update restrictions are not.
 */

export function isSiteAdmin(p: Principal): boolean {
  return p.kind === 'user' && p.person.siteAdmin;
}

/**
 * Every principal the simulator accepts reads every space (members, viewers and space admins alike);
 * the function is the one place to change when a seed person without space access appears.
 */
export function canViewSpace(_p: Principal, _spaceKey: string): boolean {
  return true;
}

export function canEditSpace(p: Principal, spaceKey: string): boolean {
  if (p.kind === 'app' || isSiteAdmin(p)) return true;
  if (p.person.spaceAdminOf.includes(spaceKey)) return true;
  return !p.person.viewerOf.includes(spaceKey);
}

/** The app is not a space admin: it acts through its own scopes, never as an administrator. */
export function canAdministerSpace(p: Principal, spaceKey: string): boolean {
  return p.kind === 'user' && (p.person.siteAdmin || p.person.spaceAdminOf.includes(spaceKey));
}

/** The pages whose read restrictions apply: the page (or a comment's container) and all its ancestors. */
function readChain(site: ConfluenceSite, content: ContentRecord): ContentRecord[] {
  const target =
    content.type === 'comment' && content.containerId ? site.content(content.containerId) : content;
  if (!target) return [content];
  return [...site.ancestors(target.id), target];
}

export function canViewContent(site: ConfluenceSite, p: Principal, content: ContentRecord): boolean {
  if (p.kind === 'app' || isSiteAdmin(p)) return true;
  if (!canViewSpace(p, content.spaceKey)) return false;
  return readChain(site, content).every(
    (c) => c.restrictions.read.length === 0 || c.restrictions.read.includes(p.accountId),
  );
}

export function canEditContent(site: ConfluenceSite, p: Principal, content: ContentRecord): boolean {
  if (!canViewContent(site, p, content)) return false;
  if (p.kind === 'app' || isSiteAdmin(p)) return true;
  if (!canEditSpace(p, content.spaceKey)) return false;
  const update = content.restrictions.update;
  return update.length === 0 || update.includes(p.accountId);
}

/** Commenting needs read access to the container and the space's add-comment right, which viewers lack. */
export function canComment(site: ConfluenceSite, p: Principal, container: ContentRecord): boolean {
  return canViewContent(site, p, container) && canEditSpace(p, container.spaceKey);
}

/** Comment authors edit their own comments; space admins may edit any comment in their space. */
export function canEditComment(site: ConfluenceSite, p: Principal, comment: ContentRecord): boolean {
  if (!canViewContent(site, p, comment)) return false;
  if (p.kind === 'app') return true;
  return comment.createdBy === p.accountId || canAdministerSpace(p, comment.spaceKey);
}
