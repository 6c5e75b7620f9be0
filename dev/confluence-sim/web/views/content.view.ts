import type { ContentRecord, ContentVersion } from '../../site/content-record';
import { canEditContent } from '../../site/permissions';
import type { SpaceRecord } from '../../site/space-record';
import { contentWebPath } from '../../site/web-paths';
import { forgeContentActionModal } from '../forge-mount';
import { html } from '../html-template';
import { renderLayout } from '../layout';
import { personName } from '../person-name';
import { spaceSidebar } from '../space-sidebar';
import { renderStorage } from '../storage-sanitizer';
import { modulesOfType } from '../ui-options';
import { page, type WebRequest, type WebResult } from '../web-handler';
import { commentsSection, labelsSection } from './content-sections.view';
import { watchToggle } from './watch-toggle.view';

/** A page or blog post (`version` set: an earlier version, read-only). */
export function contentView(
  req: WebRequest,
  space: SpaceRecord,
  content: ContentRecord,
  version?: ContentVersion,
): WebResult {
  const { site, user, ui } = req;
  const forge = ui.forge;
  const shown = version ?? content.versions[content.versions.length - 1];
  const base = `/wiki/spaces/${space.key}/pages/${content.id}`;
  const actions = modulesOfType(ui, 'confluence:contentAction');
  const extension = {
    type: 'confluence:contentAction' as const,
    content: { id: content.id, type: content.type as 'page' | 'blogpost', subtype: null },
    space: { key: space.key, id: space.id },
  };
  const menuItems = actions.map(
    (m) =>
      html`<button type="button" data-content-action="${m.key}" data-testid="content-action-item">
        ${m.title}
      </button>`,
  );
  const watching = site.watches.isWatching({ contentId: content.id }, user.accountId);
  const toolbar = html`<div class="toolbar">
    ${watchToggle(`${base}/watch`, watching, { watch: 'Watch', watching: 'Watching' })}
    ${canEditContent(site, user, content) ? html`<a class="btn btn-primary" href="${base}/edit" data-testid="edit-button">Edit</a>` : ''}
    <details class="menu" data-testid="more-actions">
      <summary class="btn" aria-label="More actions">•••</summary>
      <div>
        ${menuItems.length ? menuItems : html`<span>No apps installed</span>`}<a
          href="${base}/history"
          data-testid="history-link"
          >Page history</a
        >
      </div>
    </details>
  </div>`;
  const crumbs = site
    .ancestors(content.id)
    .map((a) => html` / <a href="/wiki${contentWebPath(site, a)}">${a.title}</a>`);
  const historical =
    version && version.number !== content.version
      ? html`<p class="notice" data-testid="historical-banner">
          You are viewing an old version of this page (v${version.number}).
          <a href="/wiki${contentWebPath(site, content)}">View the current version</a>.
        </p>`
      : '';
  const main = html`${toolbar}
    <div class="breadcrumb" data-testid="breadcrumb">
      <a href="/wiki/spaces/${space.key}">${space.name}</a>${crumbs}
    </div>
    <h1 data-testid="page-title">${shown.title}</h1>
    <div class="byline" data-testid="page-version">
      ${content.type === 'blogpost' ? 'Blog post' : 'Page'} by ${personName(content.createdBy)} · version
      ${shown.number} by ${personName(shown.by)} on
      ${shown.when.slice(0, 16).replace('T', ' ')}${shown.message ? ` · "${shown.message}"` : ''}
    </div>
    ${historical}
    <div data-testid="page-body">${renderStorage(shown.body, user.accountId)}</div>
    <hr />
    ${version ? '' : html`${labelsSection(site, user, content, base)}${commentsSection(site, user, content, base)}`}
    ${forge ? actions.map((m) => forgeContentActionModal(forge, m, { accountId: user.accountId, theme: req.theme }, extension)) : ''}`;
  const sidebar = spaceSidebar(site, user, ui, space, content.id);
  return page(
    renderLayout({ theme: req.theme, title: shown.title, user, ui, path: req.path, sidebar, content: main }),
  );
}
