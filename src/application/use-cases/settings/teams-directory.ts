import { AppError } from '../../../domain/app-error';
import { accessTokenFor, type AccessTokenDeps } from '../../services/access-tokens';
import type { Caller } from '../../services/authority';
import type { ChannelSummary, ChatSummary, Listing, TeamSummary } from '../../../contracts/teams-directory';
import { MicrosoftRequestError, type TeamsMessenger } from '../../ports/microsoft';

export interface TeamsDirectoryDeps extends AccessTokenDeps {
  teams: TeamsMessenger;
}

const asUserFacing = async <T>(call: () => Promise<T>): Promise<T> => {
  try {
    return await call();
  } catch (error) {
    if (error instanceof MicrosoftRequestError) {
      throw new AppError(
        'microsoft_error',
        `Microsoft Teams answered ${error.status} (${error.code}). Try again in a moment.`,
      );
    }
    throw error;
  }
};

/**
 * Pickers: what the caller can see in Teams, read with the caller's own token. A long list stops
 * early (the adapter's page cap and time budget) and says so in `truncated`.
 */
export const listMyTeams = async (
  deps: TeamsDirectoryDeps,
  caller: Caller,
): Promise<Listing<TeamSummary>> => {
  const token = await accessTokenFor(deps, caller.accountId);
  return asUserFacing(() => deps.teams.listJoinedTeams(token));
};

export const listTeamChannels = async (
  deps: TeamsDirectoryDeps,
  caller: Caller,
  teamId: string,
): Promise<Listing<ChannelSummary>> => {
  const token = await accessTokenFor(deps, caller.accountId);
  return asUserFacing(() => deps.teams.listChannels(token, teamId));
};

export const listMyChats = async (
  deps: TeamsDirectoryDeps,
  caller: Caller,
): Promise<Listing<ChatSummary>> => {
  const token = await accessTokenFor(deps, caller.accountId);
  return asUserFacing(() => deps.teams.listChats(token));
};
