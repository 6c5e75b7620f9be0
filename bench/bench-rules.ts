import { PEOPLE } from '../dev/seed';
import type { EventKind } from '../src/domain/content-event';
import {
  DEFAULT_FILTERS,
  spaceScopeKey,
  type GraphDestination,
  type Rule,
  type RuleFilters,
} from '../src/domain/rule';
import type { SeededRandom } from '../test/support/seeded-random';
import { LABELS, type BenchPage } from './bench-site';

/**
 * The bench's rules, as the app stores them: twenty global rules (narrowed by a label or to blog
 * posts), ten per space, the rest on pages (half of those on a homepage or section cover its
 * descendants). A space's rules post to two channels of their own; page rules anywhere. About a
 * quarter carry a filter (labels, authors, CQL, minor edits); 3 % are disabled, 10 % redact.
 */

const EVENT_SETS: Array<[EventKind[], number]> = [
  [['page_created', 'page_updated'], 0.4],
  [['page_updated'], 0.2],
  [['comment_created'], 0.15],
  [['label_added'], 0.05],
  [['blogpost_created', 'blogpost_updated'], 0.1],
  [
    [
      'page_created',
      'page_updated',
      'blogpost_created',
      'blogpost_updated',
      'comment_created',
      'label_added',
    ],
    0.1,
  ],
];
const GLOBAL_RULES = 20;
const RULES_PER_SPACE = 10;

const weighted = <T>(random: SeededRandom, choices: Array<[T, number]>): T => {
  let roll = random();
  for (const [value, weight] of choices) if ((roll -= weight) < 0) return value;
  return choices[0]?.[0];
};

const uuidFrom = (random: SeededRandom): string => {
  const hex = () => random.int(16).toString(16);
  const part = (n: number) => Array.from({ length: n }, hex).join('');
  return `${part(8)}-${part(4)}-4${part(3)}-a${part(3)}-${part(12)}`;
};

const filtersFor = (random: SeededRandom): RuleFilters => {
  const roll = random();
  const accounts = PEOPLE.map((p) => p.accountId);
  if (roll < 0.1) return { ...DEFAULT_FILTERS, labelsAny: [random.pick(LABELS)] };
  if (roll < 0.15) return { ...DEFAULT_FILTERS, labelsNone: ['draft'] };
  if (roll < 0.2) return { ...DEFAULT_FILTERS, authorsExclude: [random.pick(accounts)] };
  if (roll < 0.23) return { ...DEFAULT_FILTERS, cql: `label = "${random.pick(LABELS)}"` };
  if (roll < 0.26) return { ...DEFAULT_FILTERS, skipMinorEdits: false };
  return DEFAULT_FILTERS;
};

export const generateRules = (options: {
  count: number;
  spaceKeys: string[];
  pages: BenchPage[];
  channels: GraphDestination[];
  random: SeededRandom;
  createdAt: number;
}): Rule[] => {
  const { random, channels, spaceKeys } = options;
  const owners = PEOPLE.map((p) => p.accountId);
  const byPageSpace = new Map<string, BenchPage[]>();
  for (const page of options.pages.filter((p) => p.type === 'page'))
    byPageSpace.set(page.spaceKey, [...(byPageSpace.get(page.spaceKey) ?? []), page]);
  const rules: Rule[] = [];
  const rule = (
    scope: Rule['scope'],
    scopeKey: string,
    destination: GraphDestination,
    extra: Partial<Rule> = {},
  ): Rule => {
    const n = rules.length;
    return {
      schemaVersion: 2,
      id: uuidFrom(random),
      scope,
      scopeKey,
      ownerAccountId: random.pick(owners),
      events: weighted(random, EVENT_SETS),
      filters: filtersFor(random),
      destination,
      includeDescendants: false,
      restrictedContent: random.chance(0.1) ? 'redact' : 'skip',
      enabled: random.chance(0.97),
      version: 1,
      createdAt: options.createdAt + n,
      updatedAt: options.createdAt + n,
      ...extra,
    };
  };
  const globals = Math.min(GLOBAL_RULES, Math.floor(options.count / 10));
  for (let g = 0; g < globals; g += 1) {
    const narrow: Partial<RuleFilters> =
      g % 2 === 0 ? { labelsAny: ['incident'] } : { contentTypes: ['blogpost'] };
    rules.push(
      rule('global', 'global', random.pick(channels), { filters: { ...DEFAULT_FILTERS, ...narrow } }),
    );
  }
  const perSpace = Math.min(
    RULES_PER_SPACE,
    Math.floor((options.count - rules.length) / (2 * spaceKeys.length)),
  );
  spaceKeys.forEach((key, s) => {
    const own = [channels[(2 * s) % channels.length], channels[(2 * s + 1) % channels.length]];
    for (let r = 0; r < perSpace; r += 1)
      rules.push(rule('space', spaceScopeKey(key), random.pick(own.filter((c) => c !== undefined))));
  });
  while (rules.length < options.count) {
    const key = random.pick(spaceKeys);
    const page = random.pick(byPageSpace.get(key) ?? []);
    const descendants = page.depth < 2 && random.chance(0.5);
    rules.push(
      rule('content', `content:${page.id}`, random.pick(channels), {
        spaceKey: key,
        includeDescendants: descendants,
      }),
    );
  }
  return rules;
};
