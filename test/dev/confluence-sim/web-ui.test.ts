import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { person } from '../../../dev/seed';
import type { V2Page } from './helpers/api-shapes';
import { FORGE_UI } from './helpers/forge-fixture';
import { idOf, startTestSim, type TestSim } from './helpers/sim-harness';

describe('Confluence simulator web UI', () => {
  let t: TestSim;
  beforeEach(async () => {
    t = await startTestSim({
      forge: FORGE_UI,
      teamsViewUrl: 'http://127.0.0.1:9/teams',
    });
  });
  afterEach(() => t.stop());

  it('shows the chrome: spaces, apps and settings menus for Ada, the Teams link and a user switcher', async () => {
    const home = await t.web('/wiki/home');
    expect(home.status).toBe(200);
    expect(home.text).toContain('data-testid="user-switcher"');
    expect(home.text).toMatch(
      new RegExp(`<option value="${person('ada').accountId}" selected>\\s*Ada Admin\\s*</option>`),
    );
    expect(home.text).toContain('href="/wiki/apps/microsoft-teams"');
    expect(home.text).toContain('href="/wiki/admin/teams-global-settings"');
    expect(home.text).toContain('href="http://127.0.0.1:9/teams"');
    expect(home.text).toContain('href="/wiki/spaces/MKT"');
    const mia = await t.web('/wiki/home', { user: 'mia' });
    expect(mia.text).not.toContain('data-testid="settings-menu"');
    expect((await t.web('/')).location).toBe('/wiki/home');
  });

  it('switches user with a cookie and never redirects off-site', async () => {
    const res = await t.web('/wiki/sandbox/user', {
      form: { accountId: person('sam').accountId, returnTo: '/wiki/spaces/ENG' },
    });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/wiki/spaces/ENG');
    expect(res.setCookie).toContain(`sandbox_user=${person('sam').accountId}`);
    const evil = await t.web('/wiki/sandbox/user', {
      form: { accountId: person('sam').accountId, returnTo: '//evil.example' },
    });
    expect(evil.location).toBe('/wiki/home');
    expect((await t.web('/wiki/sandbox/user', { form: { accountId: 'nobody' } })).status).toBe(400);
  });

  it('shows a page with edit button for editors only and refuses restricted pages', async () => {
    const id = idOf(t, 'Release plan 2027');
    const view = await t.web(`/wiki/spaces/ENG/pages/${id}/Release+plan+2027`, { user: 'mia' });
    expect(view.status).toBe(200);
    expect(view.text).toContain('data-testid="edit-button"');
    expect(view.text).toContain('Q1: Teams integration beta');
    expect(view.text).toContain('data-testid="label">release<');
    expect(view.text).toContain('Should the Teams integration ship in Q1?');
    expect(view.text).toContain('Engineering home</a>');
    expect((await t.web(`/wiki/spaces/ENG/pages/${id}`, { user: 'vic' })).text).not.toContain(
      'data-testid="edit-button"',
    );
    const secret = await t.web(`/wiki/spaces/ENG/pages/${idOf(t, 'Incident timeline')}`, { user: 'rex' });
    expect(secret.status).toBe(403);
    expect(secret.text).toContain('You don&#39;t have permission to view this page');
    expect((await t.web('/wiki/spaces/ENG', { user: 'rex' })).text).not.toContain('Security incident review');
    expect((await t.web('/wiki/spaces/ENG', { user: 'mia' })).text).toContain('Security incident review');
    expect((await t.web('/wiki/spaces/ENG/pages/999999')).status).toBe(404);
  });

  it('round-trips the edit form: a POST with the cookie saves a version and emits the event', async () => {
    const id = idOf(t, 'Release plan 2027');
    const form = await t.web(`/wiki/spaces/ENG/pages/${id}/edit`, { user: 'mia' });
    for (const testId of [
      'title-input',
      'body-input',
      'minor-edit-checkbox',
      'version-message-input',
      'save-button',
    ]) {
      expect(form.text).toContain(`data-testid="${testId}"`);
    }
    expect(form.text).toContain('name="baseVersion" value="2"');
    const saved = await t.web(`/wiki/spaces/ENG/pages/${id}/edit`, {
      user: 'mia',
      form: {
        title: 'Release plan 2027',
        body: '<p>Edited in the browser</p>',
        minorEdit: 'on',
        versionMessage: 'Typo',
        baseVersion: '2',
      },
    });
    expect(saved.status).toBe(303);
    expect(saved.location).toBe(`/wiki/spaces/ENG/pages/${id}/Release+plan+2027`);
    expect(t.received).toHaveLength(1);
    expect(t.received[0]).toMatchObject({
      eventType: 'avi:confluence:updated:page',
      payload: {
        atlassianId: person('mia').accountId,
        suppressNotifications: true,
        selfGenerated: false,
        content: { version: { number: 3 } },
      },
    });
    const record = t.sim.findContent('Release plan 2027');
    expect(record.versions[2]).toMatchObject({
      body: '<p>Edited in the browser</p>',
      message: 'Typo',
      minorEdit: true,
    });
    expect((await t.web(saved.location ?? '', { user: 'mia' })).text).toContain('Edited in the browser');
  });

  it('re-renders the form on a version conflict and refuses viewers', async () => {
    const id = idOf(t, 'Release plan 2027');
    const stale = await t.web(`/wiki/spaces/ENG/pages/${id}/edit`, {
      user: 'mia',
      form: { title: 'Release plan 2027', body: '<p>mine</p>', baseVersion: '1' },
    });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('data-testid="form-error"');
    expect(stale.text).toContain('&lt;p&gt;mine&lt;/p&gt;');
    const viewer = await t.web(`/wiki/spaces/ENG/pages/${id}/edit`, {
      user: 'vic',
      form: { title: 'x', body: '', baseVersion: '2' },
    });
    expect(viewer.status).toBe(403);
    expect((await t.web(`/wiki/spaces/ENG/pages/${id}/edit`, { user: 'vic' })).status).toBe(403);
    expect(t.received).toEqual([]);
  });

  it('creates pages, comments and labels from forms', async () => {
    const created = await t.web('/wiki/spaces/MKT/create', {
      user: 'mia',
      form: { type: 'page', parentId: idOf(t, 'Launch checklist'), title: 'Press kit', body: '<p>Logos</p>' },
    });
    expect(created.status).toBe(303);
    const page = t.sim.findContent('Press kit');
    expect(page.parentId).toBe(idOf(t, 'Launch checklist'));
    await t.web(`/wiki/spaces/MKT/pages/${page.id}/comments`, { user: 'sam', form: { body: '<p>Nice</p>' } });
    await t.web(`/wiki/spaces/MKT/pages/${page.id}/labels`, { user: 'sam', form: { label: 'press' } });
    expect(t.received.map((e) => e.eventType)).toEqual([
      'avi:confluence:created:page',
      'avi:confluence:created:comment',
      'avi:confluence:added:label',
    ]);
    const duplicate = await t.web('/wiki/spaces/MKT/create', {
      user: 'mia',
      form: { type: 'page', title: 'Press kit', body: '' },
    });
    expect(duplicate.status).toBe(400);
    expect((await t.web('/wiki/spaces/MKT/create', { user: 'vic' })).status).toBe(403);
  });

  it('escapes user text and strips scripts from page bodies', async () => {
    await t.sim.createPage(person('mia').accountId, {
      spaceKey: 'ENG',
      title: '<img src=x onerror=alert(1)>',
      body: '<p onclick="steal()">Hi</p><script>alert(2)</script><a href="javascript:alert(3)">x</a>',
    });
    const page = t.sim.findContent('<img src=x onerror=alert(1)>');
    const view = await t.web(`/wiki/spaces/ENG/pages/${page.id}`, { user: 'mia' });
    expect(view.text).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(view.text).not.toContain('<img src=x');
    expect(view.text).not.toContain('alert(2)');
    expect(view.text).not.toContain('steal()');
    expect(view.text).not.toContain('javascript:alert');
  });

  it('shows version history, old versions, short links and the event log', async () => {
    const id = idOf(t, 'Release plan 2027');
    const history = await t.web(`/wiki/spaces/ENG/pages/${id}/history`);
    expect(history.text.match(/data-testid="version-row"/g)).toHaveLength(2);
    const old = await t.web(`/wiki/spaces/ENG/pages/${id}?version=1`);
    expect(old.text).toContain('data-testid="historical-banner"');
    expect(old.text).not.toContain('Q1: Teams integration beta');
    const api = await t.api<V2Page>('app', 'GET', `/wiki/api/v2/pages/${id}`);
    const tiny = await t.web(`/wiki${api.body._links.tinyui ?? ''}`);
    expect(tiny.location).toBe(`/wiki/spaces/ENG/pages/${id}/Release+plan+2027`);
    await t.sim.addLabel(person('ada').accountId, id, 'shown');
    expect((await t.web('/wiki/sandbox/events')).text).toContain('avi:confluence:added:label');
  });
});
