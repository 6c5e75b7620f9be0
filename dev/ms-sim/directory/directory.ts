import { CHATS, PEOPLE, TEAMS, type SeedChannel, type SeedPerson, type SeedTeam } from '../../seed';
import type { StateStore } from '../state/state-store';

/** Ada is the tenant's Global Administrator; only she can grant admin consent. */
const GLOBAL_ADMINS: readonly SeedPerson['key'][] = ['ada'];
/** The seeded chats have no creation time in the seed; a fixed one keeps answers stable. */
const SEED_CHAT_CREATED = Date.parse('2026-01-05T09:00:00Z');

/** A chat as Graph sees it, whether seeded or created at run time. */
export interface DirectoryChat {
  id: string;
  topic: string | null;
  chatType: 'group' | 'oneOnOne';
  memberOids: string[];
  createdAt: number;
}

const sameId = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();

/** Who is who and who may see what, from dev/seed.ts plus the chats created at run time. */
export class Directory {
  constructor(private readonly state: StateStore) {}

  people(): readonly SeedPerson[] {
    return PEOPLE;
  }

  personByOid(oid: string): SeedPerson | undefined {
    return PEOPLE.find((p) => sameId(p.oid, oid));
  }

  /** Graph accepts a user's object id or UPN wherever it takes a user id. */
  personById(idOrUpn: string): SeedPerson | undefined {
    return PEOPLE.find((p) => sameId(p.oid, idOrUpn) || sameId(p.upn, idOrUpn));
  }

  isGlobalAdmin(person: SeedPerson): boolean {
    return GLOBAL_ADMINS.includes(person.key);
  }

  team(id: string): SeedTeam | undefined {
    return TEAMS.find((t) => sameId(t.id, id));
  }

  teams(): readonly SeedTeam[] {
    return TEAMS;
  }

  teamsOf(person: SeedPerson): SeedTeam[] {
    return TEAMS.filter((t) => t.members.includes(person.key));
  }

  isTeamMember(team: SeedTeam, person: SeedPerson): boolean {
    return team.members.includes(person.key);
  }

  channel(team: SeedTeam, channelId: string): SeedChannel | undefined {
    return team.channels.find((c) => sameId(c.id, channelId));
  }

  /** Private channels are visible to their own members only, even inside the team. */
  canSeeChannel(team: SeedTeam, channel: SeedChannel, person: SeedPerson): boolean {
    if (!this.isTeamMember(team, person)) return false;
    return channel.membershipType !== 'private' || (channel.members ?? []).includes(person.key);
  }

  /** The team that holds a channel, for lookups by channel id alone (the Teams view). */
  teamOfChannel(channelId: string): SeedTeam | undefined {
    return TEAMS.find((t) => t.channels.some((c) => sameId(c.id, channelId)));
  }

  chats(): DirectoryChat[] {
    const seeded = CHATS.map((c) => ({
      id: c.id,
      topic: c.topic,
      chatType: c.chatType,
      memberOids: c.members.map((key) => PEOPLE.find((p) => p.key === key)?.oid ?? key),
      createdAt: SEED_CHAT_CREATED,
    }));
    return [...seeded, ...this.state.data.chats];
  }

  chat(id: string): DirectoryChat | undefined {
    return this.chats().find((c) => sameId(c.id, id));
  }

  chatsOf(person: SeedPerson): DirectoryChat[] {
    return this.chats().filter((c) => c.memberOids.some((oid) => sameId(oid, person.oid)));
  }

  isChatMember(chat: DirectoryChat, person: SeedPerson): boolean {
    return chat.memberOids.some((oid) => sameId(oid, person.oid));
  }
}
