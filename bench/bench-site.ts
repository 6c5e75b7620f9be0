import type { ActionContext } from '../dev/confluence-sim/actions/action-context';
import { addComment } from '../dev/confluence-sim/actions/add-comment';
import { addLabel } from '../dev/confluence-sim/actions/add-label';
import { createContent } from '../dev/confluence-sim/actions/create-content';
import { editContent } from '../dev/confluence-sim/actions/edit-content';
import { ConfluenceSite } from '../dev/confluence-sim/site/confluence-site';
import { principalForAccount } from '../dev/confluence-sim/site/principal';
import { SeedBuilder } from '../dev/confluence-sim/site/seed-builder';
import type { SiteState } from '../dev/confluence-sim/site/site-state';
import { PEOPLE, person } from '../dev/seed';
import type { SeededRandom } from '../test/support/seeded-random';

/**
 * The bench's Confluence site and its 1,000 changes, made offline with the Confluence
 * simulator's own actions, so every product event has the simulator's real shape. The site as
 * it stands after the last change is what the simulator then serves over REST: an early event's
 * page already has its later versions, labels and comments (the cards read the versions they
 * name; labels come from the final state).
 */

export interface ProductEvent {
  eventType: string;
  payload: object;
}

export interface BenchPage {
  id: string;
  spaceKey: string;
  type: 'page' | 'blogpost';
  /** 0 homepage, 1 section, 2 leaf. */
  depth: number;
}

export interface BenchSite {
  state: SiteState;
  spaceKeys: string[];
  /** Pages and blog posts that exist before the first change: what rules are set on. */
  pages: BenchPage[];
  /** In emission order, each once. */
  events: ProductEvent[];
  /** Edits of a page in a space without rules, to warm the runtime up before measuring. */
  warmUp: ProductEvent[];
  burstPages: number;
}

export const LABELS = ['release', 'incident', 'draft', 'howto', 'q3', 'security'];
const SECTIONS = 4;
const LEAVES_PER_SECTION = 4;
const BURSTS = 5;
const BURST_LENGTH = 7;
const KINDS: Array<[string, number]> = [
  ['page_updated', 0.56],
  ['comment_created', 0.18],
  ['page_created', 0.08],
  ['label_added', 0.08],
  ['blogpost_updated', 0.05],
  ['blogpost_created', 0.05],
];

export const spaceKeyOf = (n: number) => `B${String(n).padStart(3, '0')}`;

const seedSpaces = (spaces: number, random: SeededRandom) => {
  const seed = new SeedBuilder();
  const people = PEOPLE.map((p) => p.accountId);
  const pages: BenchPage[] = [];
  const add = (
    spaceKey: string,
    title: string,
    depth: number,
    parentId?: string,
    type: 'page' | 'blogpost' = 'page',
  ) => {
    const labels = LABELS.filter(() => random.chance(0.08));
    const restricted = depth === 2 && random.chance(0.03);
    const id = seed.add({
      type,
      spaceKey,
      title,
      by: random.pick(people),
      hour: 1,
      body: `<p>${title}: the plan, the owners and the open questions.</p>`,
      ...(parentId ? { parentId } : {}),
      labels,
      ...(restricted
        ? { readRestriction: (['ada', 'sam', 'mia'] as const).map((k) => person(k).accountId) }
        : {}),
    });
    pages.push({ id, spaceKey, type, depth });
    return id;
  };
  for (let s = 1; s <= spaces; s += 1) {
    const key = spaceKeyOf(s);
    const home = add(key, `${key} home`, 0);
    seed.space(String(300000 + s), key, `Bench space ${key}`, home, 'A bench space', person('ada').accountId);
    for (let a = 1; a <= SECTIONS; a += 1) {
      const section = add(key, `${key} section ${a}`, 1, home);
      for (let b = 1; b <= LEAVES_PER_SECTION; b += 1) add(key, `${key} page ${a}.${b}`, 2, section);
    }
    add(key, `${key} news`, 0, undefined, 'blogpost');
  }
  const warmHome = seed.add({
    type: 'page',
    spaceKey: 'WARM',
    title: 'Warm-up',
    by: person('ada').accountId,
    hour: 1,
    body: '<p>warm</p>',
  });
  seed.space('399999', 'WARM', 'Warm-up space', warmHome, 'No rules here', person('ada').accountId);
  return { state: seed.state, pages, warmHome };
};

const drawKind = (random: SeededRandom): string => {
  let roll = random();
  for (const [kind, weight] of KINDS) if ((roll -= weight) < 0) return kind;
  return 'page_updated';
};

/** Builds the site and plays `events` changes on it, `gapMs` apart; bursts edit one page repeatedly. */
export const buildBenchSite = async (options: {
  spaces: number;
  events: number;
  random: SeededRandom;
  start: number;
  gapMs: number;
}): Promise<BenchSite> => {
  const { random } = options;
  const { state, pages, warmHome } = seedSpaces(options.spaces, random);
  let now = options.start;
  let captured: ProductEvent[] = [];
  const site = new ConfluenceSite(state, {
    clock: () => now,
    emitEvent: (eventType, payload) => {
      captured.push({ eventType, payload });
    },
    changed: () => undefined,
  });
  const as = (accountId: string): ActionContext => {
    const principal = principalForAccount(accountId);
    if (!principal) throw new Error(`No principal ${accountId}`);
    return { site, principal, origin: 'product' };
  };
  const actors = PEOPLE.map((p) => p.accountId);
  for (let v = 0; v < 20; v += 1)
    await editContent(as(actors[0] ?? ''), warmHome, { body: `<p>warm ${v}</p>` });
  const warmUp = captured;
  captured = [];

  const inSpace = (key: string, type: 'page' | 'blogpost') =>
    pages.filter((p) => p.spaceKey === key && p.type === type);
  const change = async (kind: string, n: number, target?: BenchPage): Promise<void> => {
    const key = spaceKeyOf(1 + Math.floor(options.spaces * random() ** 1.7));
    const page = target ?? random.pick(inSpace(key, kind.startsWith('blogpost') ? 'blogpost' : 'page'));
    const ctx = as(random.pick(actors));
    if (kind === 'page_updated' || kind === 'blogpost_updated')
      await editContent(ctx, page.id, {
        body: `<p>Revision ${n}: dates moved, owners confirmed.</p>`,
        minorEdit: random.chance(0.05),
        versionMessage: `Change ${n}`,
      });
    else if (kind === 'comment_created')
      await addComment(ctx, page.id, { body: `<p>Question ${n}: does this still hold?</p>` });
    else if (kind === 'label_added') await addLabel(ctx, page.id, random.pick(LABELS));
    else {
      const section = random.pick(pages.filter((p) => p.spaceKey === page.spaceKey && p.depth === 1));
      const blog = kind === 'blogpost_created';
      await createContent(ctx, {
        spaceKey: page.spaceKey,
        title: `${page.spaceKey} ${blog ? 'post' : 'new page'} ${n}`,
        body: `<p>New ${n}</p>`,
        ...(blog ? { type: 'blogpost' as const } : { parentId: section.id }),
      });
    }
  };
  const burstAt = new Set(
    Array.from({ length: BURSTS }, (_, b) => Math.floor(((b + 0.5) * options.events) / BURSTS)),
  );
  const events: ProductEvent[] = [];
  while (events.length < options.events) {
    const n = events.length;
    const burst = burstAt.has(n)
      ? random.pick(pages.filter((p) => p.type === 'page' && p.depth === 2))
      : undefined;
    for (let i = 0; i < (burst ? BURST_LENGTH : 1) && events.length < options.events; i += 1) {
      now += burst ? options.gapMs / 4 : options.gapMs;
      try {
        await change(burst ? 'page_updated' : drawKind(random), events.length, burst);
      } catch {
        // Someone who may not edit that page (restricted, or a viewer): draw another change.
      }
      events.push(...captured);
      captured = [];
    }
  }
  return {
    state: site.snapshot(),
    spaceKeys: state.spaces.map((s) => s.key).filter((k) => k !== 'WARM'),
    pages,
    events,
    warmUp,
    burstPages: BURSTS,
  };
};
