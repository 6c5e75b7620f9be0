import { afterEach, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { APP_ACCOUNT_ID, person } from '../../../dev/seed';
import { FIXED_NOW, startTestSim, type TestSim } from './helpers/sim-harness';

const mia = person('mia').accountId;
const sam = person('sam').accountId;
const ada = person('ada').accountId;

/** A user as events render it: only the accountId, personal data replaced by it. */
const eventUser = (accountId: string) =>
  expect.objectContaining({ accountId, accountType: 'atlassian', displayName: accountId, email: accountId });

const ENG_SPACE = {
  id: 131073,
  key: 'ENG',
  alias: 'ENG',
  name: 'Engineering',
  type: 'global',
  status: 'current',
};

describe('Confluence simulator: product events', () => {
  let t: TestSim;
  beforeEach(async () => {
    t = await startTestSim();
  });
  afterEach(() => t.stop());

  it('emits avi:confluence:created:page with the documented payload and no body', async () => {
    const page = await t.sim.createPage(mia, {
      spaceKey: 'ENG',
      title: 'Runbook',
      body: '<p>secret body</p>',
    });
    expect(page).toMatchObject({
      type: 'page',
      version: 1,
      parentId: t.sim.findContent('Engineering home').id,
    });
    expect(t.received).toHaveLength(1);
    expect(t.sim.events).toEqual(t.received);
    const { eventType, payload } = t.received[0];
    expect(eventType).toBe('avi:confluence:created:page');
    expect(payload).toEqual({
      eventType: 'avi:confluence:created:page',
      atlassianId: mia,
      eventCreatedDate: new Date(FIXED_NOW).toISOString(),
      suppressNotifications: false,
      selfGenerated: false,
      content: {
        id: page.id,
        type: 'page',
        status: 'current',
        title: 'Runbook',
        space: { ...ENG_SPACE, icon: expect.any(Object) },
        history: {
          latest: true,
          createdBy: eventUser(mia),
          ownedBy: eventUser(mia),
          createdDate: page.createdAt,
        },
        version: { by: eventUser(mia), when: page.createdAt, number: 1 },
      },
    });
    expect(JSON.stringify(payload)).not.toContain('secret body');
    expect(JSON.stringify(payload)).not.toContain('Mia Member');
  });

  it('emits updated events with increasing versions; a minor edit suppresses notifications', async () => {
    const page = t.sim.findContent('Release plan 2027');
    t.now.value += 1000;
    const second = await t.sim.editPage(sam, page.id, { body: '<p>v3</p>', versionMessage: 'More detail' });
    t.now.value += 1000;
    await t.sim.editPage(mia, page.id, { body: '<p>v4 typo fix</p>', minorEdit: true });
    expect(second.version).toBe(3);
    expect(t.received.map((e) => e.eventType)).toEqual([
      'avi:confluence:updated:page',
      'avi:confluence:updated:page',
    ]);
    const [major, minor] = t.received.map((e) => e.payload);
    expect(major).toMatchObject({
      atlassianId: sam,
      suppressNotifications: false,
      updateTrigger: 'edit_page',
      content: {
        id: page.id,
        version: { number: 3, by: eventUser(sam) },
        history: { createdBy: eventUser(sam) },
      },
    });
    expect(minor).toMatchObject({
      atlassianId: mia,
      suppressNotifications: true,
      eventCreatedDate: new Date(FIXED_NOW + 2000).toISOString(),
      content: { version: { number: 4, by: eventUser(mia), when: new Date(FIXED_NOW + 2000).toISOString() } },
    });
  });

  it('emits blogpost events for blog posts', async () => {
    const blog = await t.sim.createPage(ada, {
      spaceKey: 'MKT',
      title: 'Launch day',
      body: '<p>We launched</p>',
      type: 'blogpost',
    });
    await t.sim.editPage(ada, blog.id, { body: '<p>We launched!</p>' });
    expect(t.received.map((e) => e.eventType)).toEqual([
      'avi:confluence:created:blogpost',
      'avi:confluence:updated:blogpost',
    ]);
    expect(t.received[1].payload).toMatchObject({
      content: { type: 'blogpost', space: { key: 'MKT', id: 131074 }, version: { number: 2 } },
    });
  });

  it('emits comment events with thread ancestors, container and location', async () => {
    const page = t.sim.findContent('Launch checklist');
    const root = await t.sim.addComment(mia, page.id, { body: '<p>Who writes the press release?</p>' });
    const reply = await t.sim.addComment(ada, page.id, { body: '<p>Me.</p>', parentCommentId: root.id });
    await t.sim.addComment(sam, page.id, { body: '<p>Typo here</p>', location: 'inline' });
    await t.sim.editComment(ada, reply.id, { body: '<p>Me, by Friday.</p>' });
    expect(t.received.map((e) => e.eventType)).toEqual([
      'avi:confluence:created:comment',
      'avi:confluence:created:comment',
      'avi:confluence:created:comment',
      'avi:confluence:updated:comment',
    ]);
    const [first, second, third, edited] = t.received.map((e) => e.payload);
    expect(first).toMatchObject({
      suppressNotifications: false,
      content: {
        id: root.id,
        type: 'comment',
        title: 'Re: Launch checklist',
        ancestors: [],
        container: { id: page.id, type: 'page', title: 'Launch checklist', version: { number: 1 } },
        extensions: { location: 'footer' },
        space: { key: 'MKT' },
      },
    });
    expect(second.content.ancestors).toEqual([
      {
        id: root.id,
        type: 'comment',
        status: 'current',
        title: 'Re: Launch checklist',
        history: expect.objectContaining({ createdBy: eventUser(mia) }),
      },
    ]);
    expect(third.content.extensions).toEqual({ location: 'inline' });
    expect(edited).toMatchObject({ atlassianId: ada, content: { id: reply.id, version: { number: 2 } } });
    expect(edited.updateTrigger).toEqual(expect.any(String));
  });

  it('emits avi:confluence:added:label once per new label', async () => {
    const page = t.sim.findContent('Launch checklist');
    await t.sim.addLabel(mia, page.id, 'Q1');
    await t.sim.addLabel(mia, page.id, 'q1');
    await t.sim.addLabel(sam, t.sim.findContent('Release plan 2027').id, 'q1');
    expect(t.received.map((e) => e.eventType)).toEqual([
      'avi:confluence:added:label',
      'avi:confluence:added:label',
    ]);
    const [first, second] = t.received.map((e) => e.payload);
    expect(first).toMatchObject({
      atlassianId: mia,
      label: { name: 'q1', prefix: 'global', id: expect.any(String) },
      content: { id: page.id, type: 'page', title: 'Launch checklist', version: { number: 1 } },
    });
    expect(first.content.labels?.map((l) => l.name)).toEqual(['launch', 'q1']);
    expect(second.label?.id).toBe(first.label?.id);
    expect(first.suppressNotifications).toBeUndefined();
    await expect(t.sim.addLabel(mia, page.id, 'two words')).rejects.toMatchObject({ status: 400 });
  });

  it('emits events for restricted content too', async () => {
    await t.sim.editPage(ada, t.sim.findContent('Security incident review').id, {
      body: '<p>Updated findings</p>',
    });
    expect(t.received).toHaveLength(1);
    expect(t.received[0].payload).toMatchObject({ content: { title: 'Security incident review' } });
  });

  it('refuses forbidden programmatic actions without emitting anything', async () => {
    const plan = t.sim.findContent('Release plan 2027');
    await expect(
      t.sim.editPage(person('vic').accountId, plan.id, { body: '<p>no</p>' }),
    ).rejects.toMatchObject({ status: 403 });
    const secret = t.sim.findContent('Security incident review');
    await expect(
      t.sim.editPage(person('rex').accountId, secret.id, { body: '<p>no</p>' }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(
      t.sim.addComment(person('vic').accountId, plan.id, { body: '<p>no</p>' }),
    ).rejects.toMatchObject({ status: 403 });
    await expect(
      t.sim.createPage(person('vic').accountId, { spaceKey: 'ENG', title: 'X', body: '' }),
    ).rejects.toMatchObject({
      status: 403,
    });
    await expect(
      t.sim.createPage(mia, { spaceKey: 'ENG', title: 'Release plan 2027', body: '' }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(t.sim.editPage('not-a-user', plan.id, { body: '' })).rejects.toMatchObject({ status: 401 });
    expect(t.received).toEqual([]);
    expect(t.sim.findContent('Release plan 2027').version).toBe(2);
  });

  it('marks changes the app makes as app (accountType app) and keeps the change when delivery fails', async () => {
    await t.sim.addLabel(APP_ACCOUNT_ID, t.sim.findContent('Launch checklist').id, 'synced');
    expect(t.received[0].payload).toMatchObject({
      atlassianId: APP_ACCOUNT_ID,
      content: { version: { number: 1 } },
    });
    const created = await t.sim.createPage(APP_ACCOUNT_ID, { spaceKey: 'MKT', title: 'Synced', body: '' });
    expect(t.received[1].payload).toMatchObject({
      content: { id: created.id, version: { by: { accountId: APP_ACCOUNT_ID, accountType: 'app' } } },
    });

    const errors = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const failing = await startTestSim({ emitEvent: () => Promise.reject(new Error('emulator down')) });
    try {
      const page = failing.sim.findContent('Launch checklist');
      const saved = await failing.sim.editPage(mia, page.id, { body: '<p>still saved</p>' });
      expect(saved.version).toBe(2);
      expect(failing.sim.events).toHaveLength(1);
      expect(errors).toHaveBeenCalledWith(
        expect.stringContaining('avi:confluence:updated:page'),
        expect.any(Error),
      );
    } finally {
      errors.mockRestore();
      await failing.stop();
    }
  });
});
