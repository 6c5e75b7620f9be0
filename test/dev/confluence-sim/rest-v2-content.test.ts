import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { person } from '../../../dev/seed';
import type { V2Comment, V2Error, V2Label, V2List, V2Page, V2Version } from './helpers/api-shapes';
import { idOf, startTestSim, type TestSim } from './helpers/sim-harness';

describe('Confluence simulator REST v2: pages, blog posts and their parts', () => {
  let t: TestSim;
  beforeAll(async () => {
    t = await startTestSim();
  });
  afterAll(() => t.stop());

  it('returns a page in the documented shape, body and labels only when asked', async () => {
    const id = idOf(t, 'Release plan 2027');
    const plain = await t.api<V2Page>('mia', 'GET', `/wiki/api/v2/pages/${id}`);
    expect(plain.status).toBe(200);
    expect(plain.body).toMatchObject({
      id,
      status: 'current',
      title: 'Release plan 2027',
      spaceId: '131073',
      parentId: idOf(t, 'Engineering home'),
      parentType: 'page',
      authorId: person('sam').accountId,
      createdAt: '2026-01-05T10:00:00.000Z',
      version: {
        number: 2,
        message: 'Added the Q1 milestones',
        minorEdit: false,
        authorId: person('mia').accountId,
      },
      body: {},
    });
    expect(plain.body.labels).toBeUndefined();
    expect(plain.body._links.webui).toBe(`/spaces/ENG/pages/${id}/Release+plan+2027`);
    expect(plain.body._links.base).toBe(`${t.sim.url}/wiki`);
    const full = await t.api<V2Page>(
      'mia',
      'GET',
      `/wiki/api/v2/pages/${id}?body-format=storage&include-labels=true&include-version=false`,
    );
    expect(full.body.body.storage).toEqual({
      representation: 'storage',
      value: expect.stringContaining('Q1: Teams integration beta'),
    });
    expect(full.body.labels?.results.map((l) => l.name)).toEqual(['release', 'planning']);
    expect(full.body.labels?.results[0]).toEqual({
      id: expect.any(String),
      name: 'release',
      prefix: 'global',
    });
    expect(full.body.version).toBeUndefined();
  });

  it('serves blog posts only under /blogposts', async () => {
    const id = idOf(t, 'Welcome to the new docs');
    const blog = await t.api<V2Page>('vic', 'GET', `/wiki/api/v2/blogposts/${id}?body-format=storage`);
    expect(blog.status).toBe(200);
    expect(blog.body).toMatchObject({ id, title: 'Welcome to the new docs', spaceId: '131073' });
    expect(blog.body.parentId).toBeUndefined();
    expect(blog.body._links.webui).toMatch(new RegExp(`^/spaces/ENG/blog/\\d{4}/\\d{2}/\\d{2}/${id}/`));
    expect((await t.api('vic', 'GET', `/wiki/api/v2/pages/${id}`)).status).toBe(404);
    expect((await t.api('vic', 'GET', `/wiki/api/v2/blogposts/${idOf(t, 'Release plan 2027')}`)).status).toBe(
      404,
    );
  });

  it('lists ancestors top-down, labels, and versions newest first', async () => {
    const adr = idOf(t, 'ADR-001: Use Forge');
    const ancestors = await t.api<V2List<{ id: string; type: string }>>(
      'mia',
      'GET',
      `/wiki/api/v2/pages/${adr}/ancestors`,
    );
    expect(ancestors.body.results).toEqual([
      { id: idOf(t, 'Engineering home'), type: 'page' },
      { id: idOf(t, 'Architecture decisions'), type: 'page' },
    ]);
    const labels = await t.api<V2List<V2Label>>('mia', 'GET', `/wiki/api/v2/pages/${adr}/labels`);
    expect(labels.body.results.map((l) => l.name)).toEqual(['adr', 'forge']);
    const versions = await t.api<V2List<V2Version>>(
      'mia',
      'GET',
      `/wiki/api/v2/pages/${idOf(t, 'Release plan 2027')}/versions`,
    );
    expect(versions.body.results.map((v) => v.number)).toEqual([2, 1]);
    expect(versions.body.results[1]).toEqual({
      createdAt: '2026-01-05T10:00:00.000Z',
      message: '',
      number: 1,
      minorEdit: false,
      authorId: person('sam').accountId,
    });
  });

  it('pages v2 lists with a cursor in _links.next', async () => {
    const first = await t.api<V2List<V2Version>>(
      'mia',
      'GET',
      `/wiki/api/v2/pages/${idOf(t, 'Release plan 2027')}/versions?limit=1`,
    );
    expect(first.body.results).toHaveLength(1);
    expect(first.body._links.next).toMatch(/cursor=/);
    const second = await t.api<V2List<V2Version>>('mia', 'GET', first.body._links.next ?? '');
    expect(second.body.results.map((v) => v.number)).toEqual([1]);
    expect(second.body._links.next).toBeUndefined();
  });

  it('lists root footer comments, inline comments, one comment and its replies', async () => {
    const plan = idOf(t, 'Release plan 2027');
    const footer = await t.api<V2List<V2Comment>>(
      'mia',
      'GET',
      `/wiki/api/v2/pages/${plan}/footer-comments?body-format=storage`,
    );
    expect(footer.body.results).toHaveLength(1);
    const root = footer.body.results[0];
    expect(root).toMatchObject({
      pageId: plan,
      title: 'Re: Release plan 2027',
      version: { number: 1, authorId: person('mia').accountId },
    });
    expect(root.body.storage?.value).toContain('Teams integration');
    const replies = await t.api<V2List<V2Comment>>(
      'mia',
      'GET',
      `/wiki/api/v2/footer-comments/${root.id}/children`,
    );
    expect(replies.body.results).toHaveLength(1);
    expect(replies.body.results[0]).toMatchObject({ parentCommentId: root.id });
    const one = await t.api('mia', 'GET', `/wiki/api/v2/footer-comments/${replies.body.results[0].id}`);
    expect(one.status).toBe(200);
    const inline = await t.api<V2List<V2Comment>>(
      'mia',
      'GET',
      `/wiki/api/v2/pages/${idOf(t, 'ADR-001: Use Forge')}/inline-comments`,
    );
    expect(inline.body.results).toHaveLength(1);
    expect(inline.body.results[0]).toMatchObject({
      resolutionStatus: 'open',
      properties: expect.any(Object),
    });
    expect(
      (await t.api('mia', 'GET', `/wiki/api/v2/footer-comments/${inline.body.results[0].id}`)).status,
    ).toBe(404);
    const blogComments = await t.api<V2List<V2Comment>>(
      'mia',
      'GET',
      `/wiki/api/v2/blogposts/${idOf(t, 'Welcome to the new docs')}/footer-comments`,
    );
    expect(blogComments.body.results).toEqual([]);
  });

  it('answers unknown routes and methods in the v2 error style', async () => {
    const missing = await t.api<V2Error>('app', 'GET', '/wiki/api/v2/whiteboards/1');
    expect(missing.status).toBe(404);
    expect(missing.body.errors[0].status).toBe(404);
    expect((await t.api('app', 'DELETE', `/wiki/api/v2/pages/${idOf(t, 'Release plan 2027')}`)).status).toBe(
      405,
    );
  });
});
