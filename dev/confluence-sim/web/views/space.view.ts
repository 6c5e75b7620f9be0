import { canViewContent } from '../../site/permissions';
import type { SpaceRecord } from '../../site/space-record';
import { contentWebPath } from '../../site/web-paths';
import { html } from '../html-template';
import { renderLayout } from '../layout';
import { pageTree, spaceSidebar } from '../space-sidebar';
import { page, type WebRequest, type WebResult } from '../web-handler';
import { watchToggle } from './watch-toggle.view';

/** `/wiki/spaces/{key}`: the space overview with its page tree and blog posts. */
export function spaceView(req: WebRequest, space: SpaceRecord): WebResult {
  const { site, user } = req;
  const home = site.content(space.homepageId);
  const watching = site.watches.isWatching({ spaceKey: space.key }, user.accountId);
  const blogs = site
    .allContent()
    .filter((c) => c.type === 'blogpost' && c.spaceKey === space.key && canViewContent(site, user, c));
  const content = html`<div class="breadcrumb"><a href="/wiki/home">Spaces</a></div>
    <div class="title-row">
      <h1>${space.name} <small class="byline">(${space.key})</small></h1>
      ${watchToggle(`/wiki/spaces/${space.key}/watch`, watching, { watch: 'Watch space', watching: 'Watching space' })}
    </div>
    <p>${space.description}</p>
    <h2>Pages</h2>
    <ul data-testid="space-page-tree">
      ${home ? pageTree(site, user, home) : ''}
    </ul>
    <h2>Blog posts</h2>
    <ul>
      ${blogs.map((b) => html`<li><a href="/wiki${contentWebPath(site, b)}">${b.title}</a> <span class="byline">${b.createdAt.slice(0, 10)}</span></li>`)}
    </ul>`;
  const sidebar = spaceSidebar(site, user, req.ui, space);
  return page(
    renderLayout({ theme: req.theme, title: space.name, user, ui: req.ui, path: req.path, sidebar, content }),
  );
}
