import { SURFACES, invokeOk } from '../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../dev/sandbox/start-sandbox';
import { PEOPLE, type SeedPerson } from '../dev/seed';
import { normaliseContentEvent } from '../src/domain/content-event';
import { DEFAULT_PREFERENCES, type PersonalPreferences } from '../src/domain/preferences';
import { logInToTeams } from '../test/support/notification-fixture';
import type { SeededRandom } from '../test/support/seeded-random';
import type { ProductEvent } from './bench-site';

/**
 * The connected people of `npm run bench -- --scale` (issue 15): each has a Confluence account
 * (the Confluence simulator) and a Microsoft user (the Microsoft simulator's directory), both
 * read from dev/seed.ts's `PEOPLE` on every request, so the bench adds them there at run time
 * as test/support/extra-teams.ts adds teams. Each then goes through what a person does, without
 * a browser: "Log in to Microsoft Teams" (the app's real sign-in), saves preferences through the
 * app's resolver, adds the companion app in Teams (an `installationUpdate` the simulator signs),
 * and about a tenth of them watch each busy page (the Confluence simulator's watch API).
 */

/** People set up side by side: each step is a few requests to the in-process sandbox. */
const AT_ONCE = 8;
/** The busy pages: the pages edited most often in the bench's changes. */
const BUSY_PAGES = 5;
const WATCH_SHARE = 0.1;

/** Person n of the bench: ids shaped like the seed people's, never equal to one of theirs. */
export const benchPerson = (n: number): SeedPerson => {
  const digits = String(n).padStart(6, '0');
  return {
    // The seed's key type names the sandbox's five; bench people are looked up by id only.
    key: `bench${digits}` as SeedPerson['key'],
    displayName: `Bench Person ${digits}`,
    accountId: `61a7c1b2d4e5f6000b${digits}`,
    oid: `0f6a3b1c-b3c0-4a1b-9c1d-000000${digits}`,
    upn: `bench${digits}@contoso.example`,
    siteAdmin: false,
    spaceAdminOf: [],
    viewerOf: [],
  };
};

/** Adds `people` to the directory both simulators read; returns what takes them out again. */
export const addPeople = (people: readonly SeedPerson[]): (() => void) => {
  const list = PEOPLE as SeedPerson[];
  list.push(...people);
  return () => {
    for (const p of people) {
      const at = list.indexOf(p);
      if (at >= 0) list.splice(at, 1);
    }
  };
};

/** The pages (and blog posts) with the most edits among `events`, busiest first. */
export const busyPages = (events: readonly ProductEvent[], count = BUSY_PAGES): string[] => {
  const edits = new Map<string, number>();
  for (const { eventType, payload } of events) {
    const parsed = normaliseContentEvent({ ...payload, eventType });
    if (!parsed.ok) continue;
    const { kind, contentId } = parsed.event;
    if (kind === 'page_updated' || kind === 'blogpost_updated')
      edits.set(contentId, (edits.get(contentId) ?? 0) + 1);
  }
  return [...edits.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, count)
    .map(([id]) => id);
};

/** Most people keep the defaults; some get a daily digest or turn watched-page cards off. */
const preferencesFor = (random: SeededRandom): PersonalPreferences => {
  const roll = random();
  if (roll < 0.05) return { ...DEFAULT_PREFERENCES, watchedContentUpdated: false };
  if (roll < 0.15) return { ...DEFAULT_PREFERENCES, dailyDigest: true };
  return DEFAULT_PREFERENCES;
};

const connect = async (sandbox: Sandbox, who: SeedPerson, preferences: PersonalPreferences) => {
  await logInToTeams(sandbox, who);
  await invokeOk(sandbox, who, SURFACES.personal, 'preferences/save', preferences);
  const added = await sandbox.microsoft.botChannel.send({
    from: who.oid,
    activity: { type: 'installationUpdate', action: 'add' },
  });
  if (added.status !== 200) throw new Error(`Adding the app for ${who.displayName} answered ${added.status}`);
};

export interface PeopleSetUp {
  people: number;
  busyPages: string[];
  /** Watches set, and watches the simulator refused (a page the person may not view). */
  watches: number;
  refusedWatches: number;
}

/** Connects every person and has about a tenth of them watch each busy page. */
export const connectPeople = async (
  sandbox: Sandbox,
  people: readonly SeedPerson[],
  pages: readonly string[],
  random: SeededRandom,
): Promise<PeopleSetUp> => {
  const wishes = people.map((who) => ({ who, preferences: preferencesFor(random) }));
  for (let at = 0; at < wishes.length; at += AT_ONCE)
    await Promise.all(
      wishes.slice(at, at + AT_ONCE).map(({ who, preferences }) => connect(sandbox, who, preferences)),
    );
  let watches = 0;
  let refusedWatches = 0;
  for (const contentId of pages)
    for (const who of people.filter(() => random.chance(WATCH_SHARE))) {
      try {
        await sandbox.confluence.watchContent(who.accountId, contentId);
        watches += 1;
      } catch {
        refusedWatches += 1;
      }
    }
  await sandbox.forge.idle({ timeoutMs: 120_000 });
  return { people: people.length, busyPages: [...pages], watches, refusedWatches };
};
