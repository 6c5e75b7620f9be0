import { TENANT } from '../../../seed';
import type { GraphRoute } from '../graph-route';
import { pageOf } from '../paging';

/**
 * `GET /me/joinedTeams`.
 * @see https://learn.microsoft.com/graph/api/user-list-joinedteams
 */
export const listJoinedTeams: GraphRoute = {
  method: 'GET',
  pattern: '/me/joinedTeams',
  delegated: [
    'Team.ReadBasic.All',
    'TeamSettings.Read.All',
    'TeamSettings.ReadWrite.All',
    'User.Read.All',
    'Directory.Read.All',
  ],
  application: ['Team.ReadBasic.All'],
  meOnly: true,
  handle: ({ ctx, req, user }) => {
    const teams = ctx.directory.teamsOf(user.person).map((t) => ({
      id: t.id,
      displayName: t.displayName,
      description: null,
      isArchived: false,
      tenantId: TENANT.id,
    }));
    return pageOf(ctx.clock(), req, teams, {
      defaultTop: 100,
      maxTop: 999,
      context: 'https://graph.microsoft.com/v1.0/$metadata#teams',
    });
  },
};
