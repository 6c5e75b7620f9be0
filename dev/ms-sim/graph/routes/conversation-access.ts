import type { SeedChannel, SeedPerson, SeedTeam } from '../../../seed';
import type { DirectoryChat } from '../../directory/directory';
import type { SimContext } from '../../sim-context';
import { graphError } from '../graph-error';
import type { GraphRequest, GraphResponse } from '../graph-request';

/** The team of a request, if the caller is one of its members. */
export function teamAccess(
  ctx: SimContext,
  req: GraphRequest,
  person: SeedPerson,
  teamId: string,
): { team: SeedTeam } | GraphResponse {
  const now = ctx.clock();
  const team = ctx.directory.team(teamId);
  if (!team) return graphError(now, req, 404, 'NotFound', `No team found with Group Id ${teamId}`);
  if (!ctx.directory.isTeamMember(team, person)) {
    return graphError(now, req, 403, 'Forbidden', `${person.upn} is not a member of the team ${teamId}.`);
  }
  return { team };
}

/** The channel of a request, if the caller may see it (team member; private: channel member too). */
export function channelAccess(
  ctx: SimContext,
  req: GraphRequest,
  person: SeedPerson,
  teamId: string,
  channelId: string,
): { team: SeedTeam; channel: SeedChannel } | GraphResponse {
  const teamResult = teamAccess(ctx, req, person, teamId);
  if (!('team' in teamResult)) return teamResult;
  const { team } = teamResult;
  const channel = ctx.directory.channel(team, channelId);
  const now = ctx.clock();
  if (!channel)
    return graphError(now, req, 404, 'NotFound', `Channel ${channelId} was not found in team ${teamId}.`);
  if (!ctx.directory.canSeeChannel(team, channel, person)) {
    return graphError(
      now,
      req,
      403,
      'Forbidden',
      `${person.upn} is not a member of the private channel ${channelId}.`,
    );
  }
  return { team, channel };
}

/** The chat of a request, if the caller is one of its members. */
export function chatAccess(
  ctx: SimContext,
  req: GraphRequest,
  person: SeedPerson,
  chatId: string,
): { chat: DirectoryChat } | GraphResponse {
  const now = ctx.clock();
  const chat = ctx.directory.chat(chatId);
  if (!chat) return graphError(now, req, 404, 'NotFound', `Chat ${chatId} was not found.`);
  if (!ctx.directory.isChatMember(chat, person)) {
    return graphError(now, req, 403, 'Forbidden', `${person.upn} is not a member of the chat ${chatId}.`);
  }
  return { chat };
}
