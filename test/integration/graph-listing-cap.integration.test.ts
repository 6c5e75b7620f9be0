import { CHATS, type SeedChat } from '../../dev/seed';
import { addTeams, oneChannelTeam } from '../support/extra-teams';
import { startAdapterHarness, type AdapterHarness } from './support/adapter-harness';
import { grantAdminConsent, signIn } from './support/microsoft-sign-in';

type Listing = { items: Array<{ id: string }>; truncated: boolean };

/**
 * A resolver has 25 s: the pickers' listings follow `@odata.nextLink` at most 10 pages, within a
 * time budget, and say when they stopped early (issue 9, item 7). Real fetch egress, real Graph
 * client, the Microsoft simulator's paging.
 */
describe('Graph listings stop paging in time and say so', () => {
  let h: AdapterHarness;
  let mia: string;
  const cleanups: Array<() => void> = [];
  const pagesOf = (path: string) =>
    h.microsoft.requests().filter((r) => r.method === 'GET' && r.url.includes(path)).length;

  beforeAll(async () => {
    h = await startAdapterHarness();
    await grantAdminConsent(h);
    mia = (await signIn(h, 'mia')).accessToken;
  });
  afterAll(async () => {
    for (const cleanup of cleanups) cleanup();
    await h.stop();
  });

  it('lists a small tenant whole (the control)', async () => {
    const teams = await h.value<Listing>('graph', 'listJoinedTeams', mia);
    expect(teams).toMatchObject({ truncated: false });
    expect(teams.items).toHaveLength(2);
  });

  it('stops listing joined teams after 10 pages and says the list was cut', async () => {
    cleanups.push(addTeams(Array.from({ length: 1100 }, (_, i) => oneChannelTeam('ca9e', i, `Team ${i}`))));
    const before = pagesOf('/me/joinedTeams');
    const teams = await h.value<Listing>('graph', 'listJoinedTeams', mia);
    expect(pagesOf('/me/joinedTeams') - before).toBe(10);
    expect(teams.truncated).toBe(true);
    expect(teams.items).toHaveLength(1000);
  });

  it('stops listing chats after 10 pages of 50 and says the list was cut', async () => {
    const many: SeedChat[] = Array.from({ length: 600 }, (_, i) => ({
      id: `19:many-${i}@thread.v2`,
      topic: `Chat ${i}`,
      chatType: 'group',
      members: ['mia', 'ada'],
    }));
    (CHATS as SeedChat[]).push(...many);
    cleanups.push(() => void (CHATS as SeedChat[]).splice(CHATS.length - many.length, many.length));
    const before = pagesOf('/me/chats');
    const chats = await h.value<Listing>('graph', 'listChats', mia);
    expect(pagesOf('/me/chats') - before).toBe(10);
    expect(chats.truncated).toBe(true);
    expect(chats.items).toHaveLength(500);
  });

  it('stops at the end of its time budget, after the first page', async () => {
    const chats = await h.value<Listing>('graphNoListingTime', 'listChats', mia);
    expect(chats.truncated).toBe(true);
    expect(chats.items).toHaveLength(50);
  });

  // Teams allows 4 requests a second per team, so this one stops on its time budget.
  it('stops listing a team’s channels at the end of its time budget and says the list was cut', async () => {
    const wide = oneChannelTeam('b1de', 1, 'Wide team');
    wide.channels = Array.from({ length: 1100 }, (_, i) => ({
      id: `19:wide-${i}@thread.tacv2`,
      displayName: `Channel ${i}`,
      membershipType: 'standard' as const,
    }));
    cleanups.push(addTeams([wide]));
    const channels = await h.value<Listing>('graphNoListingTime', 'listChannels', mia, wide.id);
    expect(pagesOf(`/teams/${wide.id}/channels`)).toBe(1);
    expect(channels.truncated).toBe(true);
    expect(channels.items).toHaveLength(100);
  });
});
