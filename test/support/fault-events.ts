import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import type { EventKind } from '../../src/domain/content-event';
import {
  eventIdentity,
  expectedOutcomes,
  type EventModel,
  type Outcome,
  type PageModel,
  type Who,
} from './fault-oracle';
import type { FaultWorld } from './fault-world';
import type { SeededRandom } from './seeded-random';

/**
 * The fault suite's events, made in Confluence one by one in rounds. Within a round each
 * destination gets at most five messages and each page at most one edit, so neither the digest
 * (more than five per window) nor in-place updates (edits within ten minutes) apply; between
 * rounds Confluence's clock jumps past the ten-minute windows. The consumer judges label
 * filters on the labels the content has when the delivery runs, so a label is added only to a
 * page no event of the round has touched yet: the outcome is then the same whenever the
 * round's deliveries run. The pipeline drains after each round. A candidate that would break
 * a round's limits is drawn again.
 */

export interface PlayedEvent {
  event: EventModel;
  /** How the card and the fault suite name the event. */
  identity: string;
  contentId: string;
  outcomes: Map<string, Outcome>;
}

export interface RunOptions {
  total: number;
  perRound: number;
  random: SeededRandom;
  /** Sets the Confluence simulator's clock (event time). */
  setEventTime: (epochMs: number) => void;
  start: number;
}

const ROUND_GAP_MS = 30 * 60 * 1000;
const EVENT_GAP_MS = 2000;
const BURST_LIMIT = 5;
const ACTORS: Who[] = ['ada', 'sam', 'mia', 'rex'];
const LABELS = ['launch', 'internal', 'misc', 'review'];
const KINDS: Array<[EventKind, number]> = [
  ['page_updated', 0.5],
  ['comment_created', 0.22],
  ['label_added', 0.1],
  ['page_created', 0.12],
  ['blogpost_created', 0.06],
];

const drawKind = (random: SeededRandom): EventKind => {
  let roll = random();
  for (const [kind, weight] of KINDS) {
    roll -= weight;
    if (roll < 0) return kind;
  }
  return 'page_updated';
};

/** A candidate event and the page as it would be right after it (a new page gets a stand-in id). */
const draw = (world: FaultWorld, random: SeededRandom, n: number, round: number) => {
  const kind = drawKind(random);
  const pages = [...world.pages.values()].filter((p) => p.type === 'page');
  if (kind === 'page_created' || kind === 'blogpost_created') {
    const spaceKey = random.pick(['ENG', 'MKT']);
    const tree = pages.find((p) => p.title === 'FS Tree');
    const parent = kind === 'page_created' && spaceKey === 'ENG' && random.chance(0.3) ? tree : undefined;
    const title = `FS ${kind === 'page_created' ? 'new' : 'blog'} ${String(n).padStart(4, '0')}`;
    const page: PageModel = {
      id: `new-${n}`,
      title,
      type: kind === 'page_created' ? 'page' : 'blogpost',
      spaceKey,
      ancestorIds: parent ? [...parent.ancestorIds, parent.id] : [],
      labels: new Set(),
      readers: null,
      version: 1,
    };
    const event: EventModel = {
      n,
      round,
      kind,
      pageId: page.id,
      actor: random.pick(ACTORS),
      minorEdit: false,
    };
    return { event: { ...event, title, spaceKey, ...(parent ? { parentId: parent.id } : {}) }, page };
  }
  const target = random.pick(pages);
  const actor = random.pick(ACTORS.filter((who) => target.readers === null || target.readers.includes(who)));
  const base: EventModel = { n, round, kind, pageId: target.id, actor, minorEdit: false };
  if (kind === 'label_added') {
    const label = LABELS.find((l) => !target.labels.has(l) && random.chance(0.5));
    if (!label) return null;
    return { event: { ...base, label }, page: { ...target, labels: new Set([...target.labels, label]) } };
  }
  if (kind === 'comment_created')
    return { event: { ...base, commentToken: `FSC${String(n).padStart(4, '0')}` }, page: target };
  return {
    event: { ...base, minorEdit: random.chance(0.1) },
    page: { ...target, version: target.version + 1 },
  };
};

/** Makes the change in Confluence as the actor; returns the content the event is about. */
const play = async (sandbox: Sandbox, world: FaultWorld, event: EventModel, page: PageModel) => {
  const actor = person(event.actor).accountId;
  const c = sandbox.confluence;
  if (event.kind === 'page_created' || event.kind === 'blogpost_created') {
    const record = await c.createPage(actor, {
      spaceKey: event.spaceKey ?? 'ENG',
      title: page.title,
      body: `<p>${page.title}, first draft.</p>`,
      ...(event.parentId ? { parentId: event.parentId } : {}),
      ...(event.kind === 'blogpost_created' ? { type: 'blogpost' as const } : {}),
    });
    const created = { ...page, id: record.id };
    world.pages.set(record.id, created);
    return created;
  }
  if (event.kind === 'comment_created') {
    await c.addComment(actor, page.id, { body: `<p>Comment ${event.commentToken ?? ''} on the plan.</p>` });
  } else if (event.kind === 'label_added') {
    await c.addLabel(actor, page.id, event.label ?? '');
  } else {
    await c.editPage(actor, page.id, {
      body: `<p>${page.title}, revision ${page.version}.</p>`,
      minorEdit: event.minorEdit,
    });
  }
  world.pages.set(page.id, page);
  return page;
};

export const playFaultEvents = async (
  sandbox: Sandbox,
  world: FaultWorld,
  options: RunOptions,
): Promise<PlayedEvent[]> => {
  const played: PlayedEvent[] = [];
  const membersOf = (destination: string) => (world.teams.get(destination)?.members ?? []) as Who[];
  for (let round = 0; played.length < options.total; round += 1) {
    const perDestination = new Map<string, number>();
    const edited = new Set<string>();
    const touched = new Set<string>();
    let inRound = 0;
    for (let misses = 0; inRound < options.perRound && played.length < options.total && misses < 200;) {
      const drawn = draw(world, options.random, played.length, round);
      const outcomes = drawn && expectedOutcomes(world.rules, drawn.event, drawn.page, membersOf);
      const fits =
        drawn !== null &&
        outcomes !== null &&
        !(drawn.event.kind === 'page_updated' && edited.has(drawn.page.id)) &&
        !(drawn.event.kind === 'label_added' && touched.has(drawn.page.id)) &&
        [...outcomes.keys()].every((d) => (perDestination.get(d) ?? 0) < BURST_LIMIT);
      if (!fits || !drawn || !outcomes) {
        misses += 1;
        continue;
      }
      options.setEventTime(options.start + round * ROUND_GAP_MS + inRound * EVENT_GAP_MS);
      const page = await play(sandbox, world, drawn.event, drawn.page);
      for (const d of outcomes.keys()) perDestination.set(d, (perDestination.get(d) ?? 0) + 1);
      if (drawn.event.kind !== 'comment_created' && drawn.event.kind !== 'label_added') edited.add(page.id);
      touched.add(page.id);
      played.push({
        event: drawn.event,
        identity: eventIdentity(drawn.event, page),
        contentId: page.id,
        outcomes,
      });
      inRound += 1;
    }
    if (inRound === 0) throw new Error(`Round ${round}: no event fits the round's limits`);
    await sandbox.forge.idle({ timeoutMs: 60_000 });
  }
  return played;
};
