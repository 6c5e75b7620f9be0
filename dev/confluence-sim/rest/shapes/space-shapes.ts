import type { Principal } from '../../site/principal';
import { canAdministerSpace, canEditSpace, canViewSpace } from '../../site/permissions';
import type { SpaceRecord } from '../../site/space-record';
import { spaceWebPath } from '../../site/web-paths';

/**
 * A space as v1 returns it (numeric id).
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-space/
 */
export function v1Space(space: SpaceRecord, baseUrl: string): Record<string, unknown> {
  return {
    id: Number(space.id),
    key: space.key,
    name: space.name,
    type: space.type,
    status: space.status,
    _expandable: { homepage: `/rest/api/content/${space.homepageId}`, operations: '', description: '' },
    _links: {
      webui: spaceWebPath(space.key),
      self: `${baseUrl}/rest/api/space/${space.key}`,
      base: baseUrl,
      context: '/wiki',
    },
  };
}

/** What the caller may do in a space (`expand=operations`), as Confluence lists it. */
export function v1SpaceOperations(
  principal: Principal,
  space: SpaceRecord,
): Array<{ operation: string; targetType: string }> {
  const ops: Array<{ operation: string; targetType: string }> = [];
  if (canViewSpace(principal, space.key)) ops.push({ operation: 'read', targetType: 'space' });
  if (canEditSpace(principal, space.key)) {
    for (const targetType of ['page', 'blogpost', 'comment', 'attachment'])
      ops.push({ operation: 'create', targetType });
    ops.push({ operation: 'export', targetType: 'space' });
  }
  if (canAdministerSpace(principal, space.key)) {
    ops.push(
      { operation: 'administer', targetType: 'space' },
      { operation: 'restrict_content', targetType: 'space' },
    );
  }
  return ops;
}

/**
 * A space as v2 returns it (string id).
 * @see https://developer.atlassian.com/cloud/confluence/rest/v2/api-group-space/
 */
export function v2Space(space: SpaceRecord, descriptionFormat: string | null): Record<string, unknown> {
  return {
    id: space.id,
    key: space.key,
    name: space.name,
    type: space.type,
    status: space.status,
    authorId: space.createdBy,
    createdAt: space.createdAt,
    homepageId: space.homepageId,
    ...(descriptionFormat
      ? {
          description: {
            [descriptionFormat]: { representation: descriptionFormat, value: space.description },
          },
        }
      : {}),
    icon: null,
    _links: { webui: spaceWebPath(space.key) },
  };
}
