import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { person } from '../../../dev/seed';
import type { V1Error } from './helpers/api-shapes';
import { startTestSim, type TestSim } from './helpers/sim-harness';

interface UserSearch {
  results: Array<{ user: { accountId: string; displayName: string }; entityType: string }>;
  size: number;
  totalSize: number;
  limit: number;
}

const search = (t: TestSim, cql: string, extra = '') =>
  t.api<UserSearch>('mia', 'GET', `/wiki/rest/api/search/user?cql=${encodeURIComponent(cql)}${extra}`);

describe('Confluence simulator REST: user search by CQL (/wiki/rest/api/search/user)', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim();
  });
  afterAll(() => t.stop());

  it('finds people whose full name has a word starting with the term, any case', async () => {
    const found = await search(t, 'user.fullname ~ "mem"');
    expect(found.status).toBe(200);
    expect(found.body.results).toEqual([
      expect.objectContaining({
        entityType: 'user',
        user: expect.objectContaining({ accountId: person('mia').accountId, displayName: 'Mia Member' }),
      }),
    ]);
    const unquoted = await search(t, 'user.fullname~Sa');
    expect(unquoted.body.results.map((r) => r.user.displayName)).toEqual(['Sam Spaceadmin']);
  });

  it('finds a person by account id, and pages with limit', async () => {
    const byId = await search(t, `user.accountid = "${person('rex').accountId}"`);
    expect(byId.body.results.map((r) => r.user.displayName)).toEqual(['Rex Restricted']);
    const first = await search(t, 'user.fullname ~ "a"', '&limit=1');
    expect(first.body).toMatchObject({ size: 1, limit: 1, totalSize: 1 });
    const past = await search(t, 'user.fullname ~ "a"', '&start=1&limit=1');
    expect(past.body).toMatchObject({ size: 0, totalSize: 1 });
  });

  it('refuses CQL it cannot read, as Confluence does, and a missing cql', async () => {
    const bad = await t.api<V1Error>(
      'mia',
      'GET',
      `/wiki/rest/api/search/user?cql=${encodeURIComponent('space = ENG')}`,
    );
    expect(bad.status).toBe(400);
    const missing = await t.api<V1Error>('mia', 'GET', '/wiki/rest/api/search/user');
    expect(missing.status).toBe(400);
  });
});
