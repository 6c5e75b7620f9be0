import { canViewContent } from '../../site/permissions';
import type { SpaceRecord } from '../../site/space-record';
import { html } from '../html-template';
import { renderLayout } from '../layout';
import { page, type WebRequest, type WebResult } from '../web-handler';

/** Values of the create form, kept when saving fails. */
export interface CreateFormValues {
  type: 'page' | 'blogpost';
  parentId: string;
  title: string;
  body: string;
  error?: string;
}

/** "Create" in a space: a page under a chosen parent, or a blog post. */
export function createView(
  req: WebRequest,
  space: SpaceRecord,
  values: CreateFormValues,
  status = 200,
): WebResult {
  const parents = req.site
    .allContent()
    .filter((c) => c.type === 'page' && c.spaceKey === space.key && canViewContent(req.site, req.user, c));
  const main = html`<h1>Create in ${space.name}</h1>
    ${values.error ? html`<p class="error" data-testid="form-error">${values.error}</p>` : ''}
    <form method="post" action="/wiki/spaces/${space.key}/create" class="stack" data-testid="create-form">
      <label for="type">Type</label>
      <select id="type" name="type" data-testid="create-type-select">
        <option value="page" ${values.type === 'page' ? html`selected` : ''}>Page</option>
        <option value="blogpost" ${values.type === 'blogpost' ? html`selected` : ''}>Blog post</option>
      </select>
      <label for="parentId">Parent page (pages only)</label>
      <select id="parentId" name="parentId" data-testid="create-parent-select">
        ${parents.map((p) => html`<option value="${p.id}" ${p.id === values.parentId ? html`selected` : ''}>${p.title}</option>`)}
      </select>
      <label for="title">Title</label>
      <input type="text" id="title" name="title" value="${values.title}" required data-testid="title-input" />
      <label for="body">Body (storage format; type @Name to mention someone)</label>
      <textarea id="body" name="body" data-testid="body-input">${values.body}</textarea>
      <p><button class="btn btn-primary" data-testid="save-button">Publish</button></p>
    </form>`;
  return page(
    renderLayout({
      theme: req.theme,
      title: `Create in ${space.name}`,
      user: req.user,
      ui: req.ui,
      path: req.path,
      content: main,
    }),
    status,
  );
}
