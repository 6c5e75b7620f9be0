import { TEAMS, type SeedPerson, type SeedTeam } from '../../dev/seed';
import type { GraphDestination } from '../../src/domain/rule';

/**
 * More teams for the Microsoft simulator's directory, which reads `TEAMS` from dev/seed.ts on
 * every request. Scenarios that need dozens of channels add them here at run time (one process,
 * one scenario), so dev/seed.ts stays the small set people see in the sandbox.
 */
export const addTeams = (teams: readonly SeedTeam[]): (() => void) => {
  const list = TEAMS as SeedTeam[];
  list.push(...teams);
  return () => {
    for (const team of teams) {
      const at = list.indexOf(team);
      if (at >= 0) list.splice(at, 1);
    }
  };
};

const EVERYONE: SeedPerson['key'][] = ['ada', 'sam', 'mia', 'rex', 'vic'];

/**
 * A team with one standard channel, "Updates". Teams allows 4 requests per second per team as
 * well as per channel, so a scenario that posts to many channels at once gives each its own team.
 */
export const oneChannelTeam = (
  prefix: string,
  n: number,
  displayName: string,
  members: SeedPerson['key'][] = EVERYONE,
): SeedTeam => {
  const digits = String(n).padStart(4, '0');
  return {
    id: `${prefix}0000-7e57-4b6e-8a1f-10000000${digits}`,
    displayName,
    members: [...members],
    channels: [
      {
        id: `19:${prefix}-${digits}-updates@thread.tacv2`,
        displayName: 'Updates',
        membershipType: 'standard',
      },
    ],
  };
};

/** Where a rule posts to reach a one-channel team's channel. */
export const channelOf = (team: SeedTeam): GraphDestination => {
  const channel = team.channels[0];
  if (!channel) throw new Error(`Team ${team.displayName} has no channel`);
  return {
    type: 'channel',
    teamId: team.id,
    channelId: channel.id,
    teamName: team.displayName,
    channelName: channel.displayName,
  };
};
