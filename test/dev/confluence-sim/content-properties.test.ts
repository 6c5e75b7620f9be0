import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { person } from '../../../dev/seed';
import { idOf, startTestSim, type TestSim } from './helpers/sim-harness';

const MARKER = 'teams-for-confluence-origin';

const createComment = (extra: Record<string, unknown> = {}) => ({
  type: 'comment',
  container: { id: '', type: 'page' },
  body: { storage: { value: '<p>From Teams</p>', representation: 'storage' } },
  metadata: {
    properties: { [MARKER]: { key: MARKER, value: { source: 'microsoft-teams', commentVersion: 1 } } },
  },
  ...extra,
});

describe('Confluence simulator: v1 comment creation with content properties', () => {
  let t: TestSim;
  beforeEach(async () => {
    t = await startTestSim();
  });
  afterEach(() => t.stop());

  it('creates a comment as the user with its property in place when the event fires', async () => {
    const plan = idOf(t, 'Release plan 2027');
    const created = await t.api<{ id: string; type: string; version: { number: number } }>(
      'mia',
      'POST',
      '/wiki/rest/api/content',
      createComment({ container: { id: plan, type: 'page' } }),
    );
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ type: 'comment', version: { number: 1 } });
    const event = t.received.at(-1);
    expect(event?.eventType).toBe('avi:confluence:created:comment');
    expect(event?.payload).toMatchObject({ atlassianId: person('mia').accountId, selfGenerated: true });

    const property = await t.api(
      'app',
      'GET',
      `/wiki/rest/api/content/${created.body.id}/property/${MARKER}`,
    );
    expect(property).toEqual({
      status: 200,
      body: expect.objectContaining({
        key: MARKER,
        value: { source: 'microsoft-teams', commentVersion: 1 },
        version: expect.objectContaining({ number: 1 }),
      }),
    });
  });

  it('answers 404 for a property the content does not have, and for content the caller cannot see', async () => {
    const plan = idOf(t, 'Release plan 2027');
    expect((await t.api('app', 'GET', `/wiki/rest/api/content/${plan}/property/${MARKER}`)).status).toBe(404);
    const restricted = idOf(t, 'Security incident review');
    expect(
      (await t.api('rex', 'GET', `/wiki/rest/api/content/${restricted}/property/${MARKER}`)).status,
    ).toBe(404);
  });

  it('creates replies through ancestors and refuses other types and bad keys', async () => {
    const plan = idOf(t, 'Release plan 2027');
    const root = await t.api<{ id: string }>(
      'ada',
      'POST',
      '/wiki/rest/api/content',
      createComment({ container: { id: plan, type: 'page' } }),
    );
    const reply = await t.api<{ id: string }>(
      'ada',
      'POST',
      '/wiki/rest/api/content',
      createComment({ container: { id: plan, type: 'page' }, ancestors: [{ id: root.body.id }] }),
    );
    expect(reply.status).toBe(200);
    expect(t.received.at(-1)?.payload).toMatchObject({ content: { ancestors: [{ id: root.body.id }] } });
    expect(
      (await t.api('ada', 'POST', '/wiki/rest/api/content', { ...createComment(), type: 'page' })).status,
    ).toBe(400);
    const badKey = createComment({
      container: { id: plan, type: 'page' },
      metadata: { properties: { 'a/b': { key: 'a/b', value: 1 } } },
    });
    expect((await t.api('ada', 'POST', '/wiki/rest/api/content', badKey)).status).toBe(400);
  });
});
