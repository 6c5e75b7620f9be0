import type { ContentRecord } from '../../site/content-record';
import type { SpaceRecord } from '../../site/space-record';
import { contentWebPath } from '../../site/web-paths';
import { html } from '../html-template';
import { renderLayout } from '../layout';
import { personName } from '../person-name';
import { spaceSidebar } from '../space-sidebar';
import { page, type WebRequest, type WebResult } from '../web-handler';

/** Page history: every version with its author, date, message and minor-edit flag. */
export function historyView(req: WebRequest, space: SpaceRecord, content: ContentRecord): WebResult {
  const { site, user, ui } = req;
  const link = `/wiki${contentWebPath(site, content)}`;
  const rows = [...content.versions].reverse().map(
    (v) =>
      html`<tr data-testid="version-row">
        <td>
          <a href="${link}?version=${v.number}">v${v.number}</a
          >${v.number === content.version ? ' (current)' : ''}
        </td>
        <td>${personName(v.by)}</td>
        <td>${v.when.slice(0, 16).replace('T', ' ')}</td>
        <td>${v.title}</td>
        <td>${v.message}</td>
        <td>${v.minorEdit ? 'minor' : ''}</td>
      </tr>`,
  );
  const main = html`<div class="breadcrumb"><a href="${link}">${content.title}</a></div>
    <h1>Page history</h1>
    <table>
      <tr>
        <th>Version</th>
        <th>By</th>
        <th>When</th>
        <th>Title</th>
        <th>Message</th>
        <th></th>
      </tr>
      ${rows}
    </table>`;
  const sidebar = spaceSidebar(site, user, ui, space, content.id);
  return page(
    renderLayout({
      theme: req.theme,
      title: `History of ${content.title}`,
      user,
      ui,
      path: req.path,
      sidebar,
      content: main,
    }),
  );
}
