import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { person } from '../../../dev/seed';
import type { PermissionCheck, V1Error, V2Comment, V2Error, V2List, V2Page } from './helpers/api-shapes';
import { idOf, startTestSim, type TestSim } from './helpers/sim-harness';

describe('Confluence simulator REST: content permissions', () => {
  let t: TestSim;
  let restricted: string;
  let inherited: string;
  let releasePlan: string;
  beforeEach(async () => {
    t = await startTestSim();
    restricted = idOf(t, 'Security incident review');
    inherited = idOf(t, 'Incident timeline');
    releasePlan = idOf(t, 'Release plan 2027');
  });
  afterEach(() => t.stop());

  it('hides the restricted page from Rex and Vic with 404, as Confluence does, but not from the app or Mia', async () => {
    for (const who of ['rex', 'vic'] as const) {
      expect((await t.api(who, 'GET', `/wiki/api/v2/pages/${restricted}`)).status).toBe(404);
      const v1 = await t.api<V1Error>(who, 'GET', `/wiki/rest/api/content/${restricted}`);
      expect(v1.status).toBe(404);
      expect(v1.body).toMatchObject({ statusCode: 404 });
    }
    for (const who of ['app', 'ada', 'sam', 'mia'] as const) {
      const res = await t.api<V2Page>(who, 'GET', `/wiki/api/v2/pages/${restricted}`);
      expect(res.status).toBe(200);
      expect(res.body.title).toBe('Security incident review');
    }
  });

  it('inherits read restrictions to child pages and to comments', async () => {
    expect((await t.api('rex', 'GET', `/wiki/api/v2/pages/${inherited}`)).status).toBe(404);
    expect((await t.api('mia', 'GET', `/wiki/api/v2/pages/${inherited}`)).status).toBe(200);
    const comments = await t.api<V2List<V2Comment>>(
      'app',
      'GET',
      `/wiki/api/v2/pages/${restricted}/footer-comments`,
    );
    const commentId = comments.body.results[0].id;
    expect((await t.api('rex', 'GET', `/wiki/api/v2/footer-comments/${commentId}`)).status).toBe(404);
    expect((await t.api('sam', 'GET', `/wiki/api/v2/footer-comments/${commentId}`)).status).toBe(200);
    expect((await t.api('rex', 'GET', `/wiki/api/v2/pages/${restricted}/labels`)).status).toBe(404);
  });

  it('lets members edit but answers 403 to a viewer and 404 to a restricted user', async () => {
    const update = (title: string, number: number, body = '<p>new</p>') => ({
      id: releasePlan,
      status: 'current',
      title,
      body: { representation: 'storage', value: body },
      version: { number, message: 'via REST' },
    });
    const viewer = await t.api<V2Error>(
      'vic',
      'PUT',
      `/wiki/api/v2/pages/${releasePlan}`,
      update('Release plan 2027', 3),
    );
    expect(viewer.status).toBe(403);
    expect(viewer.body.errors[0]).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    const rex = await t.api('rex', 'PUT', `/wiki/api/v2/pages/${restricted}`, {
      ...update('Security incident review', 2),
      id: restricted,
    });
    expect(rex.status).toBe(404);
    expect(t.received).toHaveLength(0);

    const mia = await t.api<V2Page>(
      'mia',
      'PUT',
      `/wiki/api/v2/pages/${releasePlan}`,
      update('Release plan 2027', 3),
    );
    expect(mia.status).toBe(200);
    expect(mia.body).toMatchObject({
      id: releasePlan,
      version: { number: 3, message: 'via REST', authorId: person('mia').accountId },
    });
    expect(mia.body.body.storage?.value).toBe('<p>new</p>');
    expect(t.received.map((e) => e.eventType)).toEqual(['avi:confluence:updated:page']);
    // Changes through the REST API come from the app, so their events are self-generated.
    expect(t.received[0].payload).toMatchObject({
      atlassianId: person('mia').accountId,
      selfGenerated: true,
    });
  });

  it('refuses a stale or missing version number with 409 / 400', async () => {
    const body = (number?: number) => ({
      id: releasePlan,
      status: 'current',
      title: 'Release plan 2027',
      body: { representation: 'storage', value: '<p>x</p>' },
      ...(number === undefined ? {} : { version: { number } }),
    });
    expect((await t.api('app', 'PUT', `/wiki/api/v2/pages/${releasePlan}`, body(2))).status).toBe(409);
    expect((await t.api('app', 'PUT', `/wiki/api/v2/pages/${releasePlan}`, body())).status).toBe(400);
    expect((await t.api('app', 'PUT', `/wiki/api/v2/blogposts/${releasePlan}`, body(3))).status).toBe(404);
    expect((await t.api('app', 'PUT', `/wiki/api/v2/pages/${releasePlan}`, body(3))).status).toBe(200);
  });

  it('creates footer comments as a user (201 + event) and refuses viewers with 403', async () => {
    const comment = { pageId: releasePlan, body: { representation: 'storage', value: '<p>From Teams</p>' } };
    expect((await t.api('vic', 'POST', '/wiki/api/v2/footer-comments', comment)).status).toBe(403);
    const restrictedComment = { ...comment, pageId: restricted };
    expect((await t.api('rex', 'POST', '/wiki/api/v2/footer-comments', restrictedComment)).status).toBe(404);
    const created = await t.api<V2Comment>('mia', 'POST', '/wiki/api/v2/footer-comments', comment);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      pageId: releasePlan,
      title: 'Re: Release plan 2027',
      version: { number: 1 },
    });
    expect(created.body.body.storage?.value).toBe('<p>From Teams</p>');
    const reply = await t.api<V2Comment>('sam', 'POST', '/wiki/api/v2/footer-comments', {
      parentCommentId: created.body.id,
      body: { representation: 'storage', value: '<p>Reply</p>' },
    });
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({ pageId: releasePlan, parentCommentId: created.body.id });
    expect(t.received.map((e) => e.eventType)).toEqual([
      'avi:confluence:created:comment',
      'avi:confluence:created:comment',
    ]);
    const bad = await t.api('mia', 'POST', '/wiki/api/v2/footer-comments', {
      pageId: releasePlan,
      body: { representation: 'wiki', value: 'x' },
    });
    expect(bad.status).toBe(400);
  });

  it('answers permission/check for any user to the app and to site admins only', async () => {
    const check = (
      caller: 'app' | 'ada' | 'mia' | 'rex',
      id: string,
      who: 'rex' | 'mia' | 'vic',
      operation: string,
    ) =>
      t.api<PermissionCheck>(caller, 'POST', `/wiki/rest/api/content/${id}/permission/check`, {
        subject: { type: 'user', identifier: person(who).accountId },
        operation,
      });
    const denied = await check('app', restricted, 'rex', 'read');
    expect(denied.status).toBe(200);
    expect(denied.body.hasPermission).toBe(false);
    expect(denied.body.errors[0]?.translation).toMatch(/permission/);
    expect((await check('app', inherited, 'rex', 'read')).body.hasPermission).toBe(false);
    expect((await check('app', restricted, 'mia', 'read')).body).toEqual({ hasPermission: true, errors: [] });
    expect((await check('app', releasePlan, 'vic', 'read')).body.hasPermission).toBe(true);
    expect((await check('app', releasePlan, 'vic', 'update')).body.hasPermission).toBe(false);
    expect((await check('app', releasePlan, 'mia', 'update')).body.hasPermission).toBe(true);
    expect((await check('ada', restricted, 'rex', 'read')).body.hasPermission).toBe(false);
    expect((await check('mia', releasePlan, 'rex', 'read')).status).toBe(403);
    expect((await check('mia', releasePlan, 'mia', 'update')).body.hasPermission).toBe(true);
    expect((await check('rex', restricted, 'rex', 'read')).status).toBe(404);
    expect((await check('app', releasePlan, 'mia', 'administer')).status).toBe(400);
  });
});
