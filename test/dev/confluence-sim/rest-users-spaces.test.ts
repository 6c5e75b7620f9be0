import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { APP_ACCOUNT_ID, person } from '../../../dev/seed';
import type {
  Operation,
  V1Error,
  V1List,
  V1Space,
  V1User,
  V2Error,
  V2List,
  V2Space,
} from './helpers/api-shapes';
import { startTestSim, type TestSim } from './helpers/sim-harness';

const ops = (body: { operations?: Operation[] }): string[] =>
  (body.operations ?? []).map((o) => `${o.operation}:${o.targetType}`);

describe('Confluence simulator REST: principals, users and spaces', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim();
  });
  afterAll(() => t.stop());

  it('answers 401 without a principal header, with an unknown user or a malformed value', async () => {
    for (const header of [undefined, 'user:nobody', 'admin']) {
      const v1 = await t.api<V1Error>({ header }, 'GET', '/wiki/rest/api/user/current');
      expect(v1.status).toBe(401);
      expect(v1.body).toMatchObject({ statusCode: 401, data: { successful: false } });
    }
    const v2 = await t.api<V2Error>({ header: undefined }, 'GET', '/wiki/api/v2/pages/65537');
    expect(v2.status).toBe(401);
    expect(v2.body.errors[0]).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
  });

  it('lists site operations: administer for site admins only, no create_space for viewers', async () => {
    const ada = await t.api<V1User>('ada', 'GET', '/wiki/rest/api/user/current?expand=operations');
    expect(ada.status).toBe(200);
    expect(ada.body).toMatchObject({
      accountId: person('ada').accountId,
      accountType: 'atlassian',
      displayName: 'Ada Admin',
    });
    expect(ops(ada.body)).toEqual(
      expect.arrayContaining(['administer:application', 'use:application', 'create_space:application']),
    );
    const sam = await t.api<V1User>('sam', 'GET', '/wiki/rest/api/user/current?expand=operations');
    expect(ops(sam.body)).not.toContain('administer:application');
    expect(ops(sam.body)).toContain('use:application');
    const vic = await t.api<V1User>('vic', 'GET', '/wiki/rest/api/user/current?expand=operations');
    expect(ops(vic.body)).toEqual(['use:application']);
    const plain = await t.api<V1User>('mia', 'GET', '/wiki/rest/api/user/current');
    expect(plain.body.operations).toBeUndefined();
  });

  it('returns the app itself as the current user for app calls', async () => {
    const app = await t.api<V1User>('app', 'GET', '/wiki/rest/api/user/current');
    expect(app.body).toMatchObject({ accountId: APP_ACCOUNT_ID, accountType: 'app' });
  });

  it('looks users up one by one and in bulk', async () => {
    const one = await t.api<V1User>('app', 'GET', `/wiki/rest/api/user?accountId=${person('rex').accountId}`);
    expect(one.body).toMatchObject({
      displayName: 'Rex Restricted',
      // Rex's e-mail is his to see ("only you"): the app gets an empty string.
      email: '',
      type: 'known',
    });
    const own = await t.api<V1User>('rex', 'GET', `/wiki/rest/api/user?accountId=${person('rex').accountId}`);
    expect(own.body.email).toBe('rex@contoso.example');
    expect((await t.api('app', 'GET', '/wiki/rest/api/user?accountId=unknown')).status).toBe(404);
    expect((await t.api('app', 'GET', '/wiki/rest/api/user')).status).toBe(400);
    const ids = [person('sam').accountId, 'unknown', person('mia').accountId];
    const bulk = await t.api<V1List<V1User>>(
      'app',
      'GET',
      `/wiki/rest/api/user/bulk?${ids.map((id) => `accountId=${id}`).join('&')}`,
    );
    expect(bulk.status).toBe(200);
    expect(bulk.body.size).toBe(2);
    expect(bulk.body.results.map((u) => u.displayName)).toEqual(['Sam Spaceadmin', 'Mia Member']);
  });

  it("lists the caller's space operations for admin checks", async () => {
    const get = async (who: 'ada' | 'sam' | 'mia' | 'vic', key: string): Promise<string[]> => {
      const res = await t.api<V1Space>(who, 'GET', `/wiki/rest/api/space/${key}?expand=operations`);
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ key, type: 'global', status: 'current', id: expect.any(Number) });
      return ops(res.body);
    };
    expect(await get('sam', 'ENG')).toEqual(
      expect.arrayContaining(['administer:space', 'create:page', 'read:space']),
    );
    expect(await get('sam', 'MKT')).not.toContain('administer:space');
    expect(await get('sam', 'MKT')).toContain('create:page');
    expect(await get('ada', 'MKT')).toContain('administer:space');
    const mia = await get('mia', 'ENG');
    expect(mia).toContain('create:comment');
    expect(mia).not.toContain('administer:space');
    expect(await get('vic', 'ENG')).toEqual(['read:space']);
    expect((await t.api('mia', 'GET', '/wiki/rest/api/space/NOPE')).status).toBe(404);
  });

  it('serves v2 spaces by keys and by id', async () => {
    const list = await t.api<V2List<V2Space>>('mia', 'GET', '/wiki/api/v2/spaces?keys=ENG,MKT');
    expect(list.status).toBe(200);
    expect(list.body.results).toHaveLength(2);
    const eng = list.body.results.find((s) => s.key === 'ENG');
    expect(eng).toMatchObject({ id: '131073', name: 'Engineering', type: 'global', status: 'current' });
    expect(eng?.homepageId).toBe(t.sim.findContent('Engineering home').id);
    expect(eng?._links.webui).toBe('/spaces/ENG');
    const repeated = await t.api<V2List<V2Space>>('mia', 'GET', '/wiki/api/v2/spaces?keys=MKT&keys=NOPE');
    expect(repeated.body.results.map((s) => s.key)).toEqual(['MKT']);
    const byId = await t.api('app', 'GET', '/wiki/api/v2/spaces/131074');
    expect(byId.body).toMatchObject({ key: 'MKT', name: 'Marketing' });
    expect((await t.api('app', 'GET', '/wiki/api/v2/spaces/999')).status).toBe(404);
  });
});
