import { buildCatchUpCard, dayInWords, type CatchUpItem } from '../../../src/domain/catch-up-card';
import {
  catchUpConcurrencyKey,
  catchUpCql,
  catchUpSearchUrl,
  catchUpSinceProblem,
} from '../../../src/domain/catch-up';
import { planDeliveries } from '../../../src/domain/delivery-plan';
import { DEFAULT_FILTERS } from '../../../src/domain/rule';
import { aRule } from '../../support/builders';

const NOW = new Date('2026-11-22T23:30:00Z');

describe('catch-up date bounds', () => {
  it.each([
    ['2026-11-22', null],
    ['2026-08-24', null],
    ['2026-08-23', 'Choose a date at most 90 days back'],
    ['2026-11-23', 'The date is in the future: choose today or a day before it'],
    ['2026-02-29', 'Enter the date as YYYY-MM-DD, for example 2026-11-01'],
    ['2026-11-1', 'Enter the date as YYYY-MM-DD, for example 2026-11-01'],
    ['', 'Enter the date as YYYY-MM-DD, for example 2026-11-01'],
    ['２０２６-11-01', 'Enter the date as YYYY-MM-DD, for example 2026-11-01'],
  ])('%j → %j', (since, problem) => {
    expect(catchUpSinceProblem(since, NOW)).toBe(problem);
  });
});

describe('catch-up search', () => {
  it('searches where a space rule looks, for the types its events concern, newest first', () => {
    expect(catchUpCql(aRule({ events: ['page_updated', 'blogpost_created'] }), '2026-11-01')).toBe(
      'lastmodified >= "2026-11-01" AND space = "ENG" AND type in (page, blogpost) ORDER BY lastmodified DESC',
    );
  });

  it('keeps a page rule to its page, and its descendants when it covers them', () => {
    const page = aRule({ scope: 'content', scopeKey: 'content:123', events: ['comment_created'] });
    expect(catchUpCql(page, '2026-11-01')).toBe(
      'lastmodified >= "2026-11-01" AND id = 123 AND type in (page) ORDER BY lastmodified DESC',
    );
    expect(catchUpCql({ ...page, includeDescendants: true }, '2026-11-01')).toContain(
      '(id = 123 OR ancestor = 123)',
    );
  });

  it('applies content types, labels and the CQL filter, quoting every value', () => {
    const rule = aRule({
      scope: 'global',
      scopeKey: 'global',
      filters: {
        ...DEFAULT_FILTERS,
        contentTypes: ['blogpost'],
        labelsAny: ['adr', 'x"y'],
        labelsAll: ['team'],
        labelsNone: ['draft'],
        cql: 'title ~ "plan"',
      },
    });
    expect(catchUpCql(rule, '2026-11-01')).toBe(
      'lastmodified >= "2026-11-01" AND type in (blogpost) AND label in ("adr", "x\\"y") AND label = "team" AND label not in ("draft") AND (title ~ "plan") ORDER BY lastmodified DESC',
    );
  });

  it("links to the same search on Confluence's search page", () => {
    expect(catchUpSearchUrl('https://contoso.atlassian.net/wiki', 'type = page')).toBe(
      'https://contoso.atlassian.net/wiki/dosearchsite.action?cql=type%20%3D%20page',
    );
  });

  it("takes its turn with the destination's own deliveries (same concurrency key)", () => {
    const rule = aRule();
    const event = { kind: 'page_updated', contentId: '1', version: 2 } as Parameters<
      typeof planDeliveries
    >[0];
    expect(catchUpConcurrencyKey(rule)).toBe(planDeliveries(event, [rule])[0].concurrencyKey);
  });
});

const item = (n: number, overrides: Partial<CatchUpItem> = {}): CatchUpItem => ({
  id: String(n),
  type: 'page',
  title: `Page ${n}`,
  spaceName: 'Engineering',
  url: `https://contoso.atlassian.net/wiki/spaces/ENG/pages/${n}`,
  lastModified: '2026-11-20T10:00:00.000Z',
  lastModifiedBy: { accountId: 'mia', displayName: 'Mia' },
  ...overrides,
});

describe('catch-up card', () => {
  it('lists the items, says how many more and links to them all', () => {
    const card = buildCatchUpCard({
      since: '2026-11-01',
      items: [item(1), item(2)],
      more: 3,
      searchUrl: 'https://contoso.atlassian.net/wiki/dosearchsite.action?cql=x',
      ruleOwnerName: 'Ada',
    });
    const text = JSON.stringify(card);
    expect(text).toContain('5 changes since 1 November 2026');
    expect(text).toContain('[**Page 1**](https://contoso.atlassian.net/wiki/spaces/ENG/pages/1)');
    expect(text).toContain('…and 3 more in Confluence.');
    expect(card.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'See all in Confluence',
        url: expect.stringContaining('dosearchsite'),
      },
    ]);
  });

  it('escapes Confluence text for card markdown (invariant 7) and stays far below 28 KB with 50 items', () => {
    const hostile = item(1, { title: '[x](javascript:alert(1)) **b** <at>y</at>', spaceName: '_s_' });
    const card = buildCatchUpCard({
      since: '2026-11-01',
      items: [hostile, ...Array.from({ length: 49 }, (_, i) => item(i + 2, { title: 'T'.repeat(300) }))],
      more: 0,
      searchUrl: null,
      ruleOwnerName: 'Ada',
    });
    const text = JSON.stringify(card);
    expect(text).not.toContain('[x](javascript');
    expect(text).not.toContain('**b**');
    expect(card.actions).toEqual([]);
    expect(Buffer.byteLength(text)).toBeLessThan(20_000);
  });

  it('names a day in words', () => {
    expect(dayInWords('2026-02-01')).toBe('1 February 2026');
  });
});
