import { editContent } from '../../actions/edit-content';
import type { Router } from '../../http/router';
import { SimulatorError } from '../../site/simulator-error';
import { ok, type RestHandler } from '../rest-handler';
import { v2Content } from '../shapes/v2-content-shape';
import { idValue, requestedVersion, storageValue } from './v2-write-body';

interface UpdateBody {
  id?: unknown;
  status?: unknown;
  title?: unknown;
  body?: unknown;
  version?: unknown;
}

/**
 * `PUT /wiki/api/v2/pages/{id}` and `/blogposts/{id}`: saves a new version. `version.number` must be
 * the current number plus one, otherwise 409 as in Confluence. `version.minorEdit` is a simulator
 * extension (v1 has it; v2 documents only `number` and `message`).
 * @see https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-page/#api-pages-id-put
 */
export function registerV2ContentUpdateRoutes(router: Router<RestHandler>): void {
  for (const [collection, type] of [
    ['pages', 'page'],
    ['blogposts', 'blogpost'],
  ] as const) {
    router.add('PUT', `/wiki/api/v2/${collection}/:id`, async (req) => {
      const body = ((await req.json()) ?? {}) as UpdateBody;
      if (body.id !== undefined && idValue(body.id) !== req.params.id) {
        throw new SimulatorError(400, 'The id in the body does not match the id in the path.');
      }
      if (body.status !== undefined && body.status !== 'current') {
        throw new SimulatorError(400, "The simulator supports status 'current' only.");
      }
      if (typeof body.title !== 'string') throw new SimulatorError(400, 'title is required.');
      const existing = req.site.content(req.params.id);
      if (existing && existing.type !== type)
        throw new SimulatorError(404, `No ${type} with id ${req.params.id}.`);
      const version = requestedVersion(body.version);
      const updated = await editContent(req.actions, req.params.id, {
        title: body.title,
        body: storageValue(body.body),
        baseVersion: version.number - 1,
        ...(version.message !== undefined ? { versionMessage: version.message } : {}),
        ...(version.minorEdit !== undefined ? { minorEdit: version.minorEdit } : {}),
      });
      return ok(
        v2Content(req.site, updated, {
          bodyFormat: 'storage',
          includeLabels: false,
          includeVersion: true,
          baseUrl: req.baseUrl,
        }),
      );
    });
  }
}
