import type { SpaceRecord } from '../../site/space-record';
import { type ForgeExtension, forgeSurface, type HistoryStart } from '../forge-mount';
import { html, type SafeHtml } from '../html-template';
import { renderLayout } from '../layout';
import { spaceSidebar } from '../space-sidebar';
import type { ForgeUiModule } from '../ui-options';
import { page, type WebRequest, type WebResult } from '../web-handler';

/** A full-page Forge surface (global settings, space settings, global page) hosting the app's UI. */
export function forgeSurfaceView(
  req: WebRequest,
  module: ForgeUiModule,
  extension: ForgeExtension,
  heading: SafeHtml,
  space?: SpaceRecord,
  history?: HistoryStart,
): WebResult {
  const forge = req.ui.forge;
  const body = forge
    ? forgeSurface(forge, module, { accountId: req.user.accountId, theme: req.theme }, extension, history)
    : html`<p class="notice" data-testid="not-installed">The app is not installed on this site.</p>`;
  const content = html`${heading}
    <h1>${module.title}</h1>
    ${body}`;
  const sidebar = space ? spaceSidebar(req.site, req.user, req.ui, space) : undefined;
  return page(
    renderLayout({
      theme: req.theme,
      title: module.title,
      user: req.user,
      ui: req.ui,
      path: req.path,
      content,
      ...(sidebar ? { sidebar } : {}),
    }),
  );
}
