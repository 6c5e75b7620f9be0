import { accessTokenFor, type AccessTokenDeps } from '../../services/access-tokens';
import type { Caller } from '../../services/authority';
import type { ChannelSummary, ChatSummary, Listing, TeamSummary } from '../../../contracts/teams-directory';
import type { TeamsDirectory } from '../../ports/microsoft';
import { withMicrosoftFailures } from '../../services/microsoft-failures';

interface TeamsDirectoryDeps extends AccessTokenDeps {
  teams: TeamsDirectory;
}

/**
 * Pickers: what the caller can see in Teams, read with the caller's own token. A long list stops
 * early (the adapter's page cap and time budget) and says so in `truncated`.
 */
export const listMyTeams = async (
  deps: TeamsDirectoryDeps,
  caller: Caller,
): Promise<Listing<TeamSummary>> => {
  const token = await accessTokenFor(deps, caller.accountId);
  return withMicrosoftFailures('listing', () => deps.teams.listJoinedTeams(token));
};

export const listTeamChannels = async (
  deps: TeamsDirectoryDeps,
  caller: Caller,
  teamId: string,
): Promise<Listing<ChannelSummary>> => {
  const token = await accessTokenFor(deps, caller.accountId);
  return withMicrosoftFailures('listing', () => deps.teams.listChannels(token, teamId));
};

export const listMyChats = async (
  deps: TeamsDirectoryDeps,
  caller: Caller,
): Promise<Listing<ChatSummary>> => {
  const token = await accessTokenFor(deps, caller.accountId);
  return withMicrosoftFailures('listing', () => deps.teams.listChats(token));
};
