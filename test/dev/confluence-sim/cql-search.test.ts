import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { CqlSyntaxError } from '../../../dev/confluence-sim/cql/cql-ast';
import { cqlDateRange, parseCql } from '../../../dev/confluence-sim/cql/cql-parser';
import { person } from '../../../dev/seed';
import type { SearchResponse, V1Content, V1Error, V1List } from './helpers/api-shapes';
import { idOf, startTestSim, type TestSim } from './helpers/sim-harness';

describe('CQL parser', () => {
  it('binds AND tighter than OR and honours parentheses and NOT', () => {
    expect(parseCql('type = page OR label = adr AND space = ENG').where).toMatchObject({
      kind: 'or',
      left: { kind: 'clause', field: 'type' },
      right: { kind: 'and' },
    });
    expect(parseCql('(type = page OR type = blogpost) AND NOT label = adr').where).toMatchObject({
      kind: 'and',
      left: { kind: 'or' },
      right: { kind: 'not', operand: { kind: 'clause', field: 'label', values: ['adr'] } },
    });
  });

  it('reads lists, quoted values, functions, aliases and order by', () => {
    const query = parseCql(
      `id in (1, "2", '3') and creator = currentUser() and space.key not in (MKT) order by lastmodified desc, title`,
    );
    expect(query.where).toMatchObject({
      kind: 'and',
      left: {
        kind: 'and',
        left: { field: 'id', operator: 'in', values: ['1', '2', '3'] },
        right: { field: 'creator', values: ['currentuser()'] },
      },
      right: { field: 'space', operator: 'not in', values: ['MKT'] },
    });
    expect(query.orderBy).toEqual([
      { field: 'lastmodified', direction: 'desc' },
      { field: 'title', direction: 'asc' },
    ]);
    expect(parseCql('title ~ "say \\"hi\\""').where).toMatchObject({ values: ['say "hi"'] });
  });

  it.each([
    ['', 'empty'],
    ['title ~ "open', 'unterminated string'],
    ['colour = red', 'unknown field'],
    ['text = forge', "operator '=' is not supported"],
    ['(type = page', "expected ')'"],
    ['type = page AND', 'expected a field'],
    ['type page', 'expected an operator'],
    ['id in 1, 2', "expected '('"],
    ['type = page order title', "expected 'by'"],
    ['type = page $', 'unexpected character'],
    ['lastmodified >= "yesterday"', 'is not a date'],
    ['lastmodified >= "2026-02-30"', 'is not a date'],
    ['label >= adr', "operator '>=' is not supported"],
  ])('rejects %j (%s)', (cql, message) => {
    expect(() => parseCql(cql)).toThrow(CqlSyntaxError);
    expect(() => parseCql(cql)).toThrow(message);
  });
});

describe('CQL dates', () => {
  const day = (value: string) => cqlDateRange(value);

  it('reads a date as its whole day (UTC) and a date with a time as its minute', () => {
    expect(day('2026-11-01')).toEqual({
      start: Date.parse('2026-11-01T00:00:00Z'),
      end: Date.parse('2026-11-02T00:00:00Z'),
    });
    expect(day('2026/11/01 10:30')).toEqual({
      start: Date.parse('2026-11-01T10:30:00Z'),
      end: Date.parse('2026-11-01T10:31:00Z'),
    });
    expect(day('2026-13-01')).toBeNull();
  });

  it('parses date comparisons on lastmodified and created', () => {
    expect(parseCql('lastmodified >= "2026-11-01" and created < "2026/12/01"').where).toMatchObject({
      kind: 'and',
      left: { field: 'lastmodified', operator: '>=', values: ['2026-11-01'] },
      right: { field: 'created', operator: '<', values: ['2026/12/01'] },
    });
  });
});

describe('Confluence simulator REST: CQL search', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim();
  });
  afterAll(() => t.stop());

  const search = async (
    caller: 'app' | 'ada' | 'mia' | 'rex' | 'vic',
    cql: string,
    extra = '',
  ): Promise<string[]> => {
    const res = await t.api<SearchResponse>(
      caller,
      'GET',
      `/wiki/rest/api/search?cql=${encodeURIComponent(cql)}${extra}`,
    );
    expect(res.status).toBe(200);
    return res.body.results.map((r) => r.content.title).sort();
  };

  it('filters by label, type, space, title, text, ancestor, creator and id', async () => {
    expect(await search('app', 'label = adr')).toEqual(['ADR-001: Use Forge', 'Architecture decisions']);
    expect(await search('app', 'type = blogpost')).toEqual(['Welcome to the new docs']);
    expect(await search('app', 'space = MKT and type = page')).toEqual([
      'Launch checklist',
      'Marketing home',
    ]);
    expect(await search('app', 'title ~ "release"')).toEqual([
      'Re: Release plan 2027',
      'Re: Release plan 2027',
      'Release plan 2027',
    ]);
    expect(await search('app', 'title ~ "PLAN release" and type = page')).toEqual(['Release plan 2027']);
    expect(await search('app', 'text ~ "forge" and type = page')).toEqual(['ADR-001: Use Forge']);
    expect(await search('app', `ancestor = ${idOf(t, 'Architecture decisions')}`)).toEqual([
      'ADR-001: Use Forge',
    ]);
    expect(
      await search('app', `creator = "${person('mia').accountId}" and type in (page, blogpost)`),
    ).toEqual(['ADR-001: Use Forge', 'Launch checklist']);
    expect(await search('mia', 'creator = currentUser() and type = page')).toEqual([
      'ADR-001: Use Forge',
      'Launch checklist',
    ]);
    const ids = [idOf(t, 'Marketing home'), idOf(t, 'Launch checklist')];
    expect(await search('app', `id in (${ids.join(',')}) and not title = "Marketing home"`)).toEqual([
      'Launch checklist',
    ]);
    expect(await search('app', '(label = launch OR label = announcement) AND type != page')).toEqual([
      'Welcome to the new docs',
    ]);
  });

  it('compares last-modified and created dates (the seed starts on 2026-01-05)', async () => {
    expect(await search('app', 'lastmodified < "2026-01-05"')).toEqual([]);
    expect(await search('app', 'lastmodified >= "2030-01-01"')).toEqual([]);
    expect(await search('app', 'created >= "2026-01-05" and type = blogpost')).toEqual([
      'Welcome to the new docs',
    ]);
    expect(await search('app', 'lastmodified = "2026-01-04" or type = blogpost')).toEqual([
      'Welcome to the new docs',
    ]);
  });

  it("filters results by the caller's permissions", async () => {
    const appHits = await search('app', 'text ~ incident');
    expect(appHits).toEqual(
      expect.arrayContaining([
        'Incident timeline',
        'Security incident review',
        'Re: Security incident review',
      ]),
    );
    expect(await search('mia', 'text ~ incident')).toEqual(appHits);
    for (const who of ['rex', 'vic'] as const) expect(await search(who, 'text ~ incident')).toEqual([]);
    expect(await search('rex', 'space = ENG and type = page')).not.toContain('Security incident review');
  });

  it('returns the documented result shape with paging', async () => {
    const res = await t.api<SearchResponse>(
      'app',
      'GET',
      `/wiki/rest/api/search?cql=${encodeURIComponent('type = page order by title')}&limit=2&expand=content.space`,
    );
    expect(res.body).toMatchObject({
      start: 0,
      limit: 2,
      size: 2,
      totalSize: 8,
      cqlQuery: 'type = page order by title',
    });
    expect(res.body.results.map((r) => r.title)).toEqual(['ADR-001: Use Forge', 'Architecture decisions']);
    expect(res.body.results[0]).toMatchObject({
      content: {
        type: 'page',
        space: { key: 'ENG' },
        _links: { webui: expect.stringMatching(/^\/spaces\/ENG\/pages\//) },
      },
      url: expect.stringMatching(/^\/spaces\/ENG\/pages\//),
      excerpt: expect.stringContaining('Atlassian Forge'),
      resultGlobalContainer: { title: 'Engineering', displayUrl: '/spaces/ENG' },
      entityType: 'content',
      lastModified: expect.any(String),
    });
    const next = await t.api<SearchResponse>('app', 'GET', `/wiki${res.body._links.next ?? ''}`);
    expect(next.body.start).toBe(2);
    expect(next.body.results[0].title).toBe('Engineering home');
    const contentSearch = await t.api<V1List<V1Content>>(
      'app',
      'GET',
      `/wiki/rest/api/content/search?cql=${encodeURIComponent('label = release')}&expand=version`,
    );
    expect(contentSearch.body.results).toEqual([
      expect.objectContaining({
        title: 'Release plan 2027',
        version: expect.objectContaining({ number: 2 }),
      }),
    ]);
  });

  it('answers a CQL syntax error with 400 like Confluence', async () => {
    const res = await t.api<V1Error>(
      'app',
      'GET',
      `/wiki/rest/api/search?cql=${encodeURIComponent('type = (page')}`,
    );
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ statusCode: 400, message: 'Could not parse cql : type = (page' });
    expect((await t.api('app', 'GET', '/wiki/rest/api/search')).status).toBe(400);
  });
});
