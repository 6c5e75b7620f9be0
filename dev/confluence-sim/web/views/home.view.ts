import { canViewContent, canViewSpace } from '../../site/permissions';
import { contentWebPath } from '../../site/web-paths';
import { html } from '../html-template';
import { renderLayout } from '../layout';
import { page, type WebRequest, type WebResult } from '../web-handler';

/** `/wiki/home`: the spaces and the latest changes the user may see. */
export function homeView(req: WebRequest): WebResult {
  const { site, user } = req;
  const spaces = site.allSpaces().filter((s) => canViewSpace(user, s.key));
  const recent = site
    .allContent()
    .filter((c) => c.type !== 'comment' && canViewContent(site, user, c))
    .sort((a, b) =>
      a.versions[a.versions.length - 1].when < b.versions[b.versions.length - 1].when ? 1 : -1,
    )
    .slice(0, 8);
  const content = html`<h1>Spaces</h1>
    <table data-testid="space-list">
      <tr>
        <th>Space</th>
        <th>Key</th>
        <th>Description</th>
      </tr>
      ${spaces.map(
        (s) =>
          html`<tr>
            <td><a href="/wiki/spaces/${s.key}">${s.name}</a></td>
            <td>${s.key}</td>
            <td>${s.description}</td>
          </tr>`,
      )}
    </table>
    <h2>Recently updated</h2>
    <ul>
      ${recent.map((c) => html`<li><a href="/wiki${contentWebPath(site, c)}">${c.title}</a> <span class="byline">v${c.version} · ${c.spaceKey}</span></li>`)}
    </ul>`;
  return page(renderLayout({ theme: req.theme, title: 'Spaces', user, ui: req.ui, path: req.path, content }));
}
