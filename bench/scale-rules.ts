import { PEOPLE } from '../dev/seed';
import { DEFAULT_FILTERS, spaceScopeKey, type GraphDestination, type Rule } from '../src/domain/rule';
import type { SeededRandom } from '../test/support/seeded-random';

/** Page rules for pages that get no events, in the first (busiest) space: at most this many. */
const ONE_SPACE_PAGE_RULES = 5_000;

/**
 * Rules that can never match a bench event, for `npm run bench -- --scale`: space rules of
 * spaces with no events, page rules for pages with no events in the bench's own spaces (up to
 * 5,000 in its busiest space), disabled rules, and rules for an event kind the bench never
 * emits (`comment_updated`). Ids start with `filler-`, so they never collide with the others.
 */
export const generateFillerRules = (options: {
  count: number;
  spaceKeys: string[];
  channels: GraphDestination[];
  random: SeededRandom;
  createdAt: number;
}): Rule[] => {
  const { random, spaceKeys, channels } = options;
  const owners = PEOPLE.map((p) => p.accountId);
  const rules: Rule[] = [];
  let onePage = 0;
  for (let n = 0; n < options.count; n += 1) {
    const roll = random();
    const space = random.pick(spaceKeys);
    const base: Rule = {
      schemaVersion: 2,
      id: `filler-${n}`,
      scope: 'space',
      scopeKey: spaceScopeKey(space),
      ownerAccountId: random.pick(owners),
      events: ['page_created', 'page_updated'],
      filters: DEFAULT_FILTERS,
      destination: random.pick(channels),
      includeDescendants: false,
      restrictedContent: 'skip',
      enabled: true,
      version: 1,
      createdAt: options.createdAt + n,
      updatedAt: options.createdAt + n,
    };
    if (roll < 0.4) rules.push({ ...base, scopeKey: spaceScopeKey(`QUIET${n % 2_000}`) });
    else if (roll < 0.7) {
      const busiest = onePage < ONE_SPACE_PAGE_RULES ? spaceKeys[0] : undefined;
      if (busiest) onePage += 1;
      const spaceKey = busiest ?? space;
      rules.push({ ...base, scope: 'content', scopeKey: `content:9${String(n).padStart(8, '0')}`, spaceKey });
    } else if (roll < 0.85) rules.push({ ...base, enabled: false });
    else rules.push({ ...base, events: ['comment_updated'] });
  }
  return rules;
};
