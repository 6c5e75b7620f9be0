import type { ConfluenceSite } from '../site/confluence-site';
import type { ContentRecord } from '../site/content-record';
import { canAdministerSpace, canEditSpace, canViewContent } from '../site/permissions';
import type { SpaceRecord } from '../site/space-record';
import { contentWebPath } from '../site/web-paths';
import { html, type SafeHtml } from './html-template';
import { moduleRoute, modulesOfType, type SimulatorUiOptions } from './ui-options';
import type { UiUser } from './ui-session';

/** The page tree under a page, leaving out what the user may not view (and so its subtree). */
export function pageTree(
  site: ConfluenceSite,
  user: UiUser,
  root: ContentRecord,
  currentId?: string,
): SafeHtml {
  if (!canViewContent(site, user, root)) return html``;
  const children = site.children(root.id).map((child) => pageTree(site, user, child, currentId));
  const link = html`<a href="/wiki${contentWebPath(site, root)}" data-testid="tree-item"
    >${root.id === currentId ? html`<strong>${root.title}</strong>` : root.title}</a
  >`;
  return html`<li>
    ${link}${
      children.length
        ? html`<ul>
            ${children}
          </ul>`
        : ''
    }
  </li>`;
}

/** A space's sidebar: overview, create button, page tree, blog and (for space admins) app settings. */
export function spaceSidebar(
  site: ConfluenceSite,
  user: UiUser,
  ui: SimulatorUiOptions,
  space: SpaceRecord,
  currentId?: string,
): SafeHtml {
  const home = site.content(space.homepageId);
  const blogs = site
    .allContent()
    .filter((c) => c.type === 'blogpost' && c.spaceKey === space.key && canViewContent(site, user, c));
  const settings = canAdministerSpace(user, space.key)
    ? modulesOfType(ui, 'confluence:spaceSettings').map(
        (m) =>
          html`<li>
            <a
              href="/wiki/spaces/${space.key}/settings/apps/${moduleRoute(m)}"
              data-testid="space-settings-link"
              >${m.title}</a
            >
          </li>`,
      )
    : [];
  return html`<h2><a href="/wiki/spaces/${space.key}">${space.name}</a></h2>
    ${canEditSpace(user, space.key) ? html`<a class="btn btn-primary" href="/wiki/spaces/${space.key}/create" data-testid="create-page-button">+ Create</a>` : ''}
    <h3>Pages</h3>
    <ul data-testid="page-tree">
      ${home ? pageTree(site, user, home, currentId) : ''}
    </ul>
    <h3>Blog</h3>
    <ul>
      ${blogs.map((b) => html`<li><a href="/wiki${contentWebPath(site, b)}">${b.title}</a></li>`)}
    </ul>
    ${
      settings.length
        ? html`<h3>Space settings · Integrations</h3>
            <ul>
              ${settings}
            </ul>`
        : ''
    }`;
}
