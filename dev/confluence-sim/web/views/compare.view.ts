import type { ContentRecord, ContentVersion } from '../../site/content-record';
import type { SpaceRecord } from '../../site/space-record';
import { contentWebPath } from '../../site/web-paths';
import { html } from '../html-template';
import { renderLayout } from '../layout';
import { personName } from '../person-name';
import { spaceSidebar } from '../space-sidebar';
import { diffLines, storageLines, type DiffLine } from '../version-diff';
import { page, type WebRequest, type WebResult } from '../web-handler';

const MARK: Record<DiffLine['change'], string> = { same: ' ', added: '+', removed: '−' };

/** Confluence's "Compare page versions": what changed from one version to another, line by line. */
export function compareView(
  req: WebRequest,
  space: SpaceRecord,
  content: ContentRecord,
  older: ContentVersion,
  newer: ContentVersion,
): WebResult {
  const { site, user, ui } = req;
  const link = `/wiki${contentWebPath(site, content)}`;
  const side = (v: ContentVersion, testId: string) =>
    html`<div class="compare-side" data-testid="${testId}">
      <a href="${link}?version=${v.number}">Version ${v.number}</a
      >${v.number === content.version ? ' (current)' : ''}
      <div class="byline">
        ${personName(v.by)} · ${v.when.slice(0, 16).replace('T', ' ')}${v.message ? ` · "${v.message}"` : ''}
      </div>
    </div>`;
  const lines = diffLines(storageLines(older.body), storageLines(newer.body));
  const changed = lines.some((line) => line.change !== 'same') || older.title !== newer.title;
  const title =
    older.title === newer.title
      ? ''
      : html`<p data-testid="title-change">
          Title: <del class="diff-removed">${older.title}</del> → <ins class="diff-added">${newer.title}</ins>
        </p>`;
  const main = html`<div class="breadcrumb">
      <a href="/wiki/spaces/${space.key}">${space.name}</a> / <a href="${link}">${content.title}</a> /
      <a href="/wiki/spaces/${space.key}/pages/${content.id}/history">Page history</a>
    </div>
    <h1>Compare versions</h1>
    <div class="compare-head">${side(older, 'compare-older')}${side(newer, 'compare-newer')}</div>
    ${title} ${changed ? '' : html`<p class="notice" data-testid="message">These versions are the same.</p>`}
    <div class="diff" data-testid="diff">
      ${lines.map(
        (line) =>
          html`<div class="diff-${line.change}" data-change="${line.change}">
            <span class="diff-mark">${MARK[line.change]}</span>${line.text}
          </div>`,
      )}
    </div>`;
  const sidebar = spaceSidebar(site, user, ui, space, content.id);
  return page(
    renderLayout({
      theme: req.theme,
      title: `Compare versions of ${content.title}`,
      user,
      ui,
      path: req.path,
      sidebar,
      content: main,
    }),
  );
}
