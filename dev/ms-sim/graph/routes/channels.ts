import { TENANT } from '../../../seed';
import { teamTarget, type GraphRoute } from '../graph-route';
import { pageOf } from '../paging';
import { teamAccess } from './conversation-access';

/** Channels have no creation time in the seed; a fixed one keeps answers stable. */
const SEED_CHANNEL_CREATED = '2026-01-05T09:00:00Z';

/**
 * `GET /teams/{id}/channels`: private channels are listed only to their members.
 * @see https://learn.microsoft.com/graph/api/channel-list
 */
export const listChannels: GraphRoute = {
  method: 'GET',
  pattern: '/teams/{teamId}/channels',
  delegated: [
    'Channel.ReadBasic.All',
    'ChannelSettings.Read.All',
    'ChannelSettings.ReadWrite.All',
    'Group.Read.All',
    'Group.ReadWrite.All',
    'Directory.Read.All',
  ],
  application: ['Channel.ReadBasic.All'],
  throttle: teamTarget,
  handle: ({ ctx, req, params, user }) => {
    const access = teamAccess(ctx, req, user.person, params.teamId ?? '');
    if (!('team' in access)) return access;
    const { team } = access;
    const channels = team.channels
      .filter((c) => ctx.directory.canSeeChannel(team, c, user.person))
      .map((c) => ({
        id: c.id,
        createdDateTime: SEED_CHANNEL_CREATED,
        displayName: c.displayName,
        description: null,
        isFavoriteByDefault: null,
        email: '',
        tenantId: TENANT.id,
        webUrl: `https://teams.microsoft.com/l/channel/${encodeURIComponent(c.id)}/${encodeURIComponent(c.displayName)}?groupId=${team.id}&tenantId=${TENANT.id}`,
        membershipType: c.membershipType,
      }));
    return pageOf(ctx.clock(), req, channels, {
      defaultTop: 100,
      maxTop: 999,
      context: `https://graph.microsoft.com/v1.0/$metadata#teams('${team.id}')/channels`,
    });
  },
};
