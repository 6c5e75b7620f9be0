import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { person } from '../../../dev/seed';
import type { V1Content, V1List, V1Version, V2Page } from './helpers/api-shapes';
import { startTestSim, type TestSim } from './helpers/sim-harness';

describe('Confluence simulator: version history', () => {
  let t: TestSim;
  let id: string;
  const mia = person('mia').accountId;
  const sam = person('sam').accountId;

  beforeAll(async () => {
    t = await startTestSim();
    id = t.sim.findContent('Architecture decisions').id;
    t.now.value += 60_000;
    await t.sim.editPage(mia, id, { body: '<p>Index, second version.</p>', versionMessage: 'Reworded' });
    t.now.value += 60_000;
    await t.sim.editPage(sam, id, {
      title: 'Architecture decision records',
      body: '<p>Third.</p>',
      minorEdit: true,
    });
  });
  afterAll(() => t.stop());

  it('keeps every version with number, author, date, message, minorEdit, title and body', () => {
    const record = t.sim.findContent('Architecture decision records');
    expect(record.version).toBe(3);
    expect(record.versions.map((v) => [v.number, v.by, v.message, v.minorEdit, v.title])).toEqual([
      [1, sam, '', false, 'Architecture decisions'],
      [2, mia, 'Reworded', false, 'Architecture decisions'],
      [3, sam, '', true, 'Architecture decision records'],
    ]);
    expect(record.versions[1].when).toBe('2026-11-20T10:01:00.000Z');
    expect(() => t.sim.findContent('Architecture decisions')).toThrow(/no page/);
  });

  it('returns an earlier version over v1 with version=N and status=historical', async () => {
    const expand = 'expand=version,body.storage,history,space,ancestors,metadata.labels';
    const old = await t.api<V1Content>(
      'mia',
      'GET',
      `/wiki/rest/api/content/${id}?status=historical&version=1&${expand}`,
    );
    expect(old.status).toBe(200);
    expect(old.body).toMatchObject({
      id,
      type: 'page',
      status: 'historical',
      title: 'Architecture decisions',
      version: { number: 1, minorEdit: false, by: { accountId: sam } },
      body: {
        storage: { representation: 'storage', value: '<p>Index of our architecture decision records.</p>' },
      },
      history: { latest: false, createdBy: { accountId: sam } },
      space: { key: 'ENG', id: 131073 },
    });
    expect(old.body.ancestors?.map((a) => a.title)).toEqual(['Engineering home']);
    expect(old.body.metadata?.labels.results[0]).toMatchObject({
      name: 'adr',
      prefix: 'global',
      label: 'adr',
    });
    const second = await t.api<V1Content>(
      'mia',
      'GET',
      `/wiki/rest/api/content/${id}?version=2&expand=body.storage,version`,
    );
    expect(second.body.body?.storage?.value).toBe('<p>Index, second version.</p>');
    expect(second.body.version).toMatchObject({ number: 2, message: 'Reworded', by: { accountId: mia } });
    const current = await t.api<V1Content>('mia', 'GET', `/wiki/rest/api/content/${id}?expand=version`);
    expect(current.body).toMatchObject({
      status: 'current',
      title: 'Architecture decision records',
      version: { number: 3, minorEdit: true },
    });
    expect(current.body._expandable.body).toBe('');
    expect((await t.api('mia', 'GET', `/wiki/rest/api/content/${id}?version=9`)).status).toBe(404);
  });

  it('returns an earlier version over v2 and lists versions over v1', async () => {
    const v1 = await t.api<V2Page>('app', 'GET', `/wiki/api/v2/pages/${id}?version=1&body-format=storage`);
    expect(v1.body).toMatchObject({ title: 'Architecture decisions', version: { number: 1 } });
    const list = await t.api<V1List<V1Version>>('app', 'GET', `/wiki/rest/api/content/${id}/version`);
    expect(list.body.results.map((v) => v.number)).toEqual([3, 2, 1]);
  });
});
