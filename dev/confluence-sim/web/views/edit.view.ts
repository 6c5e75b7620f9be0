import type { ContentRecord } from '../../site/content-record';
import type { SpaceRecord } from '../../site/space-record';
import { contentWebPath } from '../../site/web-paths';
import { html } from '../html-template';
import { renderLayout } from '../layout';
import { page, type WebRequest, type WebResult } from '../web-handler';

/** What the edit form shows: the stored content, or what the user typed when saving failed. */
export interface EditFormValues {
  title: string;
  body: string;
  minorEdit: boolean;
  message: string;
  baseVersion: number;
  error?: string;
}

/** The editor: title, storage-format body, "minor edit" and a version message. */
export function editView(
  req: WebRequest,
  space: SpaceRecord,
  content: ContentRecord,
  values: EditFormValues,
  status = 200,
): WebResult {
  const action = `/wiki/spaces/${space.key}/pages/${content.id}/edit`;
  const main = html`<h1>Editing “${content.title}”</h1>
    ${values.error ? html`<p class="error" data-testid="form-error">${values.error}</p>` : ''}
    <form method="post" action="${action}" class="stack" data-testid="edit-form">
      <input type="hidden" name="baseVersion" value="${values.baseVersion}" />
      <label for="title">Title</label>
      <input type="text" id="title" name="title" value="${values.title}" required data-testid="title-input" />
      <label for="body">Body (storage format; type @Name to mention someone)</label>
      <textarea id="body" name="body" data-testid="body-input">${values.body}</textarea>
      <p>
        <label style="display:inline;font-weight:400"
          ><input
            type="checkbox"
            name="minorEdit"
            value="true"
            ${values.minorEdit ? html`checked` : ''}
            data-testid="minor-edit-checkbox"
          />
          Minor edit (don't notify watchers)</label
        >
      </p>
      <label for="message">What did you change? (version message)</label>
      <input
        type="text"
        id="message"
        name="versionMessage"
        value="${values.message}"
        data-testid="version-message-input"
      />
      <p>
        <button class="btn btn-primary" data-testid="save-button">Update</button>
        <a class="btn" href="/wiki${contentWebPath(req.site, content)}" data-testid="cancel-button">Close</a>
      </p>
    </form>`;
  return page(
    renderLayout({
      theme: req.theme,
      title: `Edit ${content.title}`,
      user: req.user,
      ui: req.ui,
      path: req.path,
      content: main,
    }),
    status,
  );
}
