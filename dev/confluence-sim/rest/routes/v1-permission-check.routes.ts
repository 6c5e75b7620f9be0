import { viewableContent } from '../../actions/action-context';
import type { Router } from '../../http/router';
import type { ConfluenceSite } from '../../site/confluence-site';
import type { ContentRecord } from '../../site/content-record';
import { canEditComment, canEditContent, canViewContent, isSiteAdmin } from '../../site/permissions';
import { type Principal, principalForAccount } from '../../site/principal';
import { SimulatorError } from '../../site/simulator-error';
import { ok, type RestHandler } from '../rest-handler';

interface CheckBody {
  subject?: { type?: string; identifier?: string };
  operation?: string;
}

function allowed(
  site: ConfluenceSite,
  subject: Principal,
  content: ContentRecord,
  operation: string,
): boolean {
  if (operation === 'read') return canViewContent(site, subject, content);
  if (content.type === 'comment') return canEditComment(site, subject, content);
  return canEditContent(site, subject, content);
}

/**
 * `POST /wiki/rest/api/content/{id}/permission/check`: may a user read/update/delete this content?
 * Checking someone else needs the app or a Confluence administrator, as documented.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content-permissions/
 */
export function registerV1PermissionCheckRoutes(router: Router<RestHandler>): void {
  router.add('POST', '/wiki/rest/api/content/:id/permission/check', async (req) => {
    const body = ((await req.json()) ?? {}) as CheckBody;
    const operation = body.operation;
    if (!operation || !['read', 'update', 'delete'].includes(operation)) {
      throw new SimulatorError(400, 'operation must be one of read, update, delete.');
    }
    if (body.subject?.type !== 'user' || !body.subject.identifier) {
      throw new SimulatorError(
        400,
        "subject must be { type: 'user', identifier: <accountId> } in the simulator.",
      );
    }
    const checkingOther = body.subject.identifier !== req.principal.accountId;
    if (checkingOther && req.principal.kind === 'user' && !isSiteAdmin(req.principal)) {
      throw new SimulatorError(
        403,
        'Checking permissions of another user requires the Confluence Administrator permission.',
      );
    }
    const content = viewableContent(req.actions, req.params.id, ['page', 'blogpost', 'comment']);
    const subject = principalForAccount(body.subject.identifier);
    if (!subject || subject.kind === 'app') {
      const error = {
        key: 'user.not.licensed',
        args: [],
        translation: 'User is not allowed to use Confluence',
      };
      return ok({ hasPermission: false, errors: [error] });
    }
    if (allowed(req.site, subject, content, operation)) return ok({ hasPermission: true, errors: [] });
    const error = {
      key: 'content.permission.denied',
      args: [],
      translation: 'User does not have permission to the content',
    };
    return ok({ hasPermission: false, errors: [error] });
  });
}
