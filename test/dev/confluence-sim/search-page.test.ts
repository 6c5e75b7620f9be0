import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { catchUpSearchUrl } from '../../../src/domain/catch-up';
import { startTestSim, type TestSim } from './helpers/sim-harness';

/** Where a catch-up card's "See all in Confluence" leads: the search page, as the reader sees it. */
describe('Confluence simulator: the search page', () => {
  let t: TestSim;
  const path = (cql: string) => {
    const url = new URL(catchUpSearchUrl('http://sim/wiki', cql));
    return `${url.pathname}${url.search}`;
  };

  beforeAll(async () => {
    t = await startTestSim();
  });
  afterAll(() => t.stop());

  it('lists what the query finds that the reader may view, escaping the query', async () => {
    const cql = 'space = "ENG" AND title ~ "incident" ORDER BY lastmodified DESC';
    const mia = await t.web(path(cql), { user: 'mia' });
    expect(mia.status).toBe(200);
    expect(mia.text).toContain('Security incident review');
    expect(mia.text).toContain('space = &quot;ENG&quot;');
    // Rex may not view the restricted incident pages.
    const rex = await t.web(path(cql), { user: 'rex' });
    expect(rex.text).not.toContain('Security incident review');
    expect(rex.text).toContain('0 results');
  });

  it('says so when the query cannot be parsed', async () => {
    const res = await t.web(path('title ~'), { user: 'mia' });
    expect(res.status).toBe(400);
    expect(res.text).toContain('Confluence could not parse this query');
  });
});
