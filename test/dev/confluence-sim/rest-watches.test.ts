import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { person } from '../../../dev/seed';
import type { V1Error } from './helpers/api-shapes';
import { idOf, startTestSim, type TestSim } from './helpers/sim-harness';
import type { ContentWatch, SpaceWatch, WatchList } from './helpers/watch-shapes';

const ada = person('ada').accountId;
const sam = person('sam').accountId;
const mia = person('mia').accountId;
const rex = person('rex').accountId;

const pageWatches = (t: TestSim, id: string, query = '') =>
  t.api<WatchList<ContentWatch>>(
    'app',
    'GET',
    `/wiki/rest/api/content/${id}/notification/child-created${query}`,
  );
const spaceWatches = (t: TestSim, id: string, query = '') =>
  t.api<WatchList<SpaceWatch>>('app', 'GET', `/wiki/rest/api/content/${id}/notification/created${query}`);
const watcherIds = (list: WatchList<{ watcher: { accountId: string } }>): string[] =>
  list.results.map((w) => w.watcher.accountId);

describe('Confluence simulator REST: content and space watches', () => {
  let t: TestSim;
  let plan: string;
  beforeEach(async () => {
    t = await startTestSim();
    plan = idOf(t, 'Release plan 2027');
  });
  afterEach(() => t.stop());

  it('answers "Get watches for page" as a WatchArray: the seed page is watched by its creator and its editor', async () => {
    const res = await pageWatches(t, plan);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ start: 0, limit: 200, size: 2 });
    expect(res.body.results[0]).toEqual({
      type: 'watch',
      watcher: {
        type: 'known',
        accountId: sam,
        displayName: 'Sam Spaceadmin',
        profilePicture: expect.objectContaining({ path: `/wiki/aa-avatar/${sam}` }) as unknown,
      },
      contentId: plan,
    });
    expect(watcherIds(res.body)).toEqual([sam, mia]);
    expect(res.body._links).toMatchObject({ base: `${t.sim.url}/wiki`, context: '/wiki' });
    expect(res.body._links.next).toBeUndefined();
  });

  it('answers "Get watches for space" with every watch of the space the content is in', async () => {
    expect((await spaceWatches(t, plan)).body).toMatchObject({ results: [], size: 0 });
    expect((await t.api('mia', 'POST', '/wiki/rest/api/user/watch/space/ENG')).status).toBe(204);
    expect((await t.api('ada', 'POST', '/wiki/rest/api/user/watch/space/MKT')).status).toBe(204);
    const eng = await spaceWatches(t, plan);
    expect(eng.status).toBe(200);
    expect(eng.body.results).toEqual([
      {
        type: 'watch',
        watcher: expect.objectContaining({
          type: 'known',
          accountId: mia,
          displayName: 'Mia Member',
        }) as unknown,
        spaceKey: 'ENG',
      },
    ]);
    expect(watcherIds((await spaceWatches(t, idOf(t, 'Launch checklist'))).body)).toEqual([ada]);
    // A comment is in its container's space.
    const comment = (await t.sim.addComment(sam, plan, { body: '<p>x</p>' })).id;
    expect(watcherIds((await spaceWatches(t, comment)).body)).toEqual([mia]);
  });

  it('pages with start and limit, and links the next page relative to the site base', async () => {
    for (const who of ['ada', 'rex', 'vic'] as const) {
      expect((await t.api(who, 'POST', `/wiki/rest/api/user/watch/content/${plan}`)).status).toBe(204);
    }
    const first = await pageWatches(t, plan, '?limit=2');
    expect(first.body).toMatchObject({ start: 0, limit: 2, size: 2 });
    expect(watcherIds(first.body)).toEqual([sam, mia]);
    expect(first.body._links.next).toBe(
      `/rest/api/content/${plan}/notification/child-created?limit=2&start=2`,
    );
    const second = await t.api<WatchList<ContentWatch>>('app', 'GET', `/wiki${first.body._links.next}`);
    expect(second.body).toMatchObject({ start: 2, limit: 2, size: 2 });
    expect(watcherIds(second.body)).toEqual([ada, rex]);
    const last = await pageWatches(t, plan, '?start=4&limit=2');
    expect(watcherIds(last.body)).toEqual([person('vic').accountId]);
    expect(last.body._links.next).toBeUndefined();
    expect((await pageWatches(t, plan, '?start=9')).body).toMatchObject({ results: [], start: 9, size: 0 });
  });

  it('hides restricted content with 404 from people who cannot view it, but not from the app', async () => {
    const secret = idOf(t, 'Incident timeline');
    expect(watcherIds((await pageWatches(t, secret)).body)).toEqual([sam]);
    for (const path of [
      `/wiki/rest/api/content/${secret}/notification/child-created`,
      `/wiki/rest/api/content/${secret}/notification/created`,
      `/wiki/rest/api/user/watch/content/${secret}`,
    ]) {
      const res = await t.api<V1Error>('rex', 'GET', path);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ statusCode: 404 });
    }
    expect((await t.api('rex', 'POST', `/wiki/rest/api/user/watch/content/${secret}`)).status).toBe(404);
    expect(
      (await t.api('mia', 'GET', `/wiki/rest/api/content/${secret}/notification/child-created`)).status,
    ).toBe(200);
    expect(
      (await t.api('app', 'GET', '/wiki/rest/api/content/999999/notification/child-created')).status,
    ).toBe(404);
  });

  it('watches and unwatches content for the caller, and tells the watch status', async () => {
    const path = `/wiki/rest/api/user/watch/content/${plan}`;
    expect((await t.api('rex', 'GET', path)).body).toEqual({ watching: false });
    const added = await t.api('rex', 'POST', path);
    expect(added.status).toBe(204);
    expect(added.body).toBeUndefined();
    expect((await t.api('rex', 'GET', path)).body).toEqual({ watching: true });
    // Watching twice keeps one watch.
    await t.api('rex', 'POST', path);
    expect(watcherIds((await pageWatches(t, plan)).body)).toEqual([sam, mia, rex]);
    expect((await t.api('rex', 'DELETE', path)).status).toBe(204);
    expect((await t.api('rex', 'GET', path)).body).toEqual({ watching: false });
    expect((await t.api('rex', 'DELETE', path)).status).toBe(204);
    expect(watcherIds((await pageWatches(t, plan)).body)).toEqual([sam, mia]);
    expect(t.received).toHaveLength(0);
  });

  it('lets the app and site admins name the user with ?accountId=, and nobody else', async () => {
    const path = (accountId: string) => `/wiki/rest/api/user/watch/content/${plan}?accountId=${accountId}`;
    expect((await t.api('app', 'GET', path(mia))).body).toEqual({ watching: true });
    expect((await t.api('app', 'GET', path(rex))).body).toEqual({ watching: false });
    expect((await t.api('app', 'POST', path(rex))).status).toBe(204);
    expect((await t.api('ada', 'DELETE', path(rex))).status).toBe(204);
    const refused = await t.api<V1Error>('mia', 'POST', path(rex));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ statusCode: 403 });
    expect((await t.api('mia', 'GET', path(mia))).body).toEqual({ watching: true });
    expect((await t.api('app', 'GET', path('557058:nobody'))).status).toBe(404);
    // Someone who cannot view the content cannot be made to watch it.
    const secret = idOf(t, 'Security incident review');
    const blind = await t.api<V1Error>(
      'app',
      'POST',
      `/wiki/rest/api/user/watch/content/${secret}?accountId=${rex}`,
    );
    expect(blind.status).toBe(403);
  });

  it('watches and unwatches a space', async () => {
    const path = '/wiki/rest/api/user/watch/space/ENG';
    expect((await t.api('sam', 'GET', path)).body).toEqual({ watching: false });
    expect((await t.api('sam', 'POST', path)).status).toBe(204);
    expect((await t.api('sam', 'GET', path)).body).toEqual({ watching: true });
    expect((await t.api('app', 'GET', `${path}?accountId=${sam}`)).body).toEqual({ watching: true });
    expect(watcherIds((await spaceWatches(t, plan)).body)).toEqual([sam]);
    expect((await t.api('sam', 'DELETE', path)).status).toBe(204);
    expect((await t.api('sam', 'GET', path)).body).toEqual({ watching: false });
    expect((await t.api('sam', 'GET', '/wiki/rest/api/user/watch/space/NOPE')).status).toBe(404);
  });

  it('makes the creator of a new page or blog post watch it, and an editor watch what they edit', async () => {
    const page = await t.sim.createPage(rex, { spaceKey: 'MKT', title: 'Rex notes', body: '<p>a</p>' });
    expect(watcherIds((await pageWatches(t, page.id)).body)).toEqual([rex]);
    const blog = await t.sim.createPage(mia, {
      spaceKey: 'ENG',
      title: 'Mia blog',
      body: '<p>b</p>',
      type: 'blogpost',
    });
    expect(watcherIds((await pageWatches(t, blog.id)).body)).toEqual([mia]);
    await t.sim.editPage(ada, page.id, { body: '<p>edited</p>' });
    expect(watcherIds((await pageWatches(t, page.id)).body)).toEqual([rex, ada]);
    // An editor who stopped watching is made a watcher again by the next edit, as autowatch does.
    await t.api('ada', 'DELETE', `/wiki/rest/api/user/watch/content/${page.id}`);
    await t.sim.editPage(ada, page.id, { body: '<p>again</p>' });
    expect(watcherIds((await pageWatches(t, page.id)).body)).toEqual([rex, ada]);
    // A comment does not make its author watch the page; the app is nobody's watcher.
    await t.sim.addComment(sam, page.id, { body: '<p>c</p>' });
    const viaApp = await t.api('app', 'PUT', `/wiki/api/v2/pages/${page.id}`, {
      id: page.id,
      status: 'current',
      title: 'Rex notes',
      body: { representation: 'storage', value: '<p>by the app</p>' },
      version: { number: 4 },
    });
    expect(viaApp.status).toBe(200);
    expect(watcherIds((await pageWatches(t, page.id)).body)).toEqual([rex, ada]);
  });

  it('sets watches from a test script, as a person would in the UI', async () => {
    await t.sim.watchContent(rex, plan);
    await t.sim.watchSpace(rex, 'MKT');
    expect(watcherIds((await pageWatches(t, plan)).body)).toContain(rex);
    expect(watcherIds((await spaceWatches(t, idOf(t, 'Launch checklist'))).body)).toEqual([rex]);
    await t.sim.watchContent(rex, plan, false);
    await t.sim.watchSpace(rex, 'MKT', false);
    expect(watcherIds((await pageWatches(t, plan)).body)).not.toContain(rex);
    expect(watcherIds((await spaceWatches(t, idOf(t, 'Launch checklist'))).body)).toEqual([]);
  });

  it('reads the creator of a page and of a comment from expand=history', async () => {
    const comment = await t.sim.addComment(rex, plan, { body: '<p>hi</p>' });
    for (const [id, creator] of [
      [plan, sam],
      [comment.id, rex],
    ] as const) {
      const res = await t.api<{
        history: {
          createdBy: { accountId: string; displayName: string };
          createdDate: string;
          latest: boolean;
        };
      }>('app', 'GET', `/wiki/rest/api/content/${id}?expand=history`);
      expect(res.body.history).toMatchObject({
        createdBy: { type: 'known', accountId: creator },
        latest: true,
      });
      expect(res.body.history.createdDate).toMatch(/^\d{4}-\d\d-\d\dT/);
    }
  });
});

describe('Confluence simulator: watches persist', () => {
  let dataDir: string;
  beforeEach(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'confluence-sim-watch-'));
  });
  afterEach(() => rm(dataDir, { recursive: true, force: true }));

  it('keeps content and space watches across a restart', async () => {
    const first = await startTestSim({ dataDir });
    const plan = idOf(first, 'Release plan 2027');
    await first.sim.watchContent(rex, plan);
    await first.sim.watchSpace(rex, 'ENG');
    await first.stop();
    const second = await startTestSim({ dataDir });
    try {
      expect(watcherIds((await pageWatches(second, plan)).body)).toEqual([sam, mia, rex]);
      expect(watcherIds((await spaceWatches(second, plan)).body)).toEqual([rex]);
    } finally {
      await second.stop();
    }
  });
});
