import { html } from '../html-template';
import { renderLayout } from '../layout';
import { page, type WebRequest, type WebResult } from '../web-handler';

/** A page that only says something: no permission, not found, app not installed. */
export function messagePage(req: WebRequest, status: number, title: string, message: string): WebResult {
  const content = html`<h1>${title}</h1>
    <p class="${status >= 400 ? 'error' : 'notice'}" data-testid="message">${message}</p>
    <p><a href="/wiki/home">Back to spaces</a></p>`;
  return page(
    renderLayout({ theme: req.theme, title, user: req.user, ui: req.ui, path: req.path, content }),
    status,
  );
}

/** What Confluence shows for restricted content. */
export const noPermission = (req: WebRequest): WebResult =>
  messagePage(req, 403, 'Restricted', "You don't have permission to view this page");
