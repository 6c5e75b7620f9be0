import type { ActionContext } from '../../actions/action-context';
import { addComment } from '../../actions/add-comment';
import { addLabel } from '../../actions/add-label';
import { createContent } from '../../actions/create-content';
import { editContent } from '../../actions/edit-content';
import type { Router } from '../../http/router';
import { canEditContent, canEditSpace } from '../../site/permissions';
import { SimulatorError } from '../../site/simulator-error';
import { contentWebPath } from '../../site/web-paths';
import { storageToTypedMentions, typedMentionsToStorage } from '../mentions';
import { createView } from '../views/create.view';
import { editView } from '../views/edit.view';
import { messagePage } from '../views/message.view';
import { redirectTo, type WebHandler, type WebRequest } from '../web-handler';
import { loadContent, loadSpace } from './load-content';

/** People in the web UI act as themselves; their changes are not `selfGenerated` for the app. */
export const asUser = (req: WebRequest): ActionContext => ({
  site: req.site,
  principal: req.user,
  origin: 'product',
});

/** Form errors the user can fix (bad title, version conflict) re-render the form; others propagate. */
const isFormError = (error: unknown): error is SimulatorError =>
  error instanceof SimulatorError && (error.status === 400 || error.status === 409);

/** Editing, creating, commenting and labelling from the web UI: same actions, same events as the API. */
export function registerEditRoutes(router: Router<WebHandler>): void {
  const editPath = '/wiki/spaces/:key/pages/:id/edit';

  router.add('GET', editPath, (req) => {
    const loaded = loadContent(req);
    if ('denied' in loaded) return loaded.denied;
    const { space, content } = loaded;
    if (!canEditContent(req.site, req.user, content)) {
      return messagePage(req, 403, 'Cannot edit', "You don't have permission to edit this page.");
    }
    const values = {
      title: content.title,
      body: storageToTypedMentions(content.body),
      minorEdit: false,
      message: '',
      baseVersion: content.version,
    };
    return editView(req, space, content, values);
  });

  router.add('POST', editPath, async (req) => {
    const loaded = loadContent(req);
    if ('denied' in loaded) return loaded.denied;
    const form = await req.form();
    const values = {
      title: form.get('title') ?? '',
      body: form.get('body') ?? '',
      minorEdit: form.get('minorEdit') === 'true' || form.get('minorEdit') === 'on',
      message: form.get('versionMessage') ?? '',
      baseVersion: Number(form.get('baseVersion') ?? loaded.content.version),
    };
    try {
      const saved = await editContent(asUser(req), loaded.content.id, {
        title: values.title,
        body: typedMentionsToStorage(values.body),
        minorEdit: values.minorEdit,
        versionMessage: values.message,
        baseVersion: values.baseVersion,
      });
      return redirectTo(`/wiki${contentWebPath(req.site, saved)}`);
    } catch (error) {
      if (!isFormError(error)) throw error;
      return editView(req, loaded.space, loaded.content, { ...values, error: error.message }, error.status);
    }
  });

  router.add('GET', '/wiki/spaces/:key/create', (req) => {
    const space = loadSpace(req);
    if (!canEditSpace(req.user, space.key)) {
      return messagePage(
        req,
        403,
        'Cannot create',
        `You don't have permission to create pages in ${space.name}.`,
      );
    }
    const parentId = req.query.get('parentId') ?? space.homepageId;
    return createView(req, space, { type: 'page', parentId, title: '', body: '<p></p>' });
  });

  router.add('POST', '/wiki/spaces/:key/create', async (req) => {
    const space = loadSpace(req);
    const form = await req.form();
    const type = form.get('type') === 'blogpost' ? 'blogpost' : 'page';
    const values = {
      type,
      parentId: form.get('parentId') ?? '',
      title: form.get('title') ?? '',
      body: form.get('body') ?? '',
    } as const;
    try {
      const created = await createContent(asUser(req), {
        spaceKey: space.key,
        type,
        title: values.title,
        body: typedMentionsToStorage(values.body),
        ...(type === 'page' && values.parentId ? { parentId: values.parentId } : {}),
      });
      return redirectTo(`/wiki${contentWebPath(req.site, created)}`);
    } catch (error) {
      if (!isFormError(error)) throw error;
      return createView(req, space, { ...values, error: error.message }, error.status);
    }
  });

  router.add('POST', '/wiki/spaces/:key/pages/:id/comments', async (req) => {
    const loaded = loadContent(req);
    if ('denied' in loaded) return loaded.denied;
    const form = await req.form();
    const parentCommentId = form.get('parentCommentId');
    const comment = await addComment(asUser(req), loaded.content.id, {
      body: typedMentionsToStorage(form.get('body') ?? ''),
      ...(parentCommentId ? { parentCommentId } : {}),
    });
    return redirectTo(`/wiki${contentWebPath(req.site, comment)}`);
  });

  router.add('POST', '/wiki/spaces/:key/pages/:id/labels', async (req) => {
    const loaded = loadContent(req);
    if ('denied' in loaded) return loaded.denied;
    const form = await req.form();
    await addLabel(asUser(req), loaded.content.id, form.get('label') ?? '');
    return redirectTo(`/wiki${contentWebPath(req.site, loaded.content)}`);
  });
}
