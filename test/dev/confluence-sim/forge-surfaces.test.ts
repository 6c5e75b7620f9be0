import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { person } from '../../../dev/seed';
import { FORGE_UI, HOST_SCRIPT, mountCalls, ROUTES } from './helpers/forge-fixture';
import { idOf, startTestSim, type TestSim } from './helpers/sim-harness';

describe('Confluence simulator web UI: Forge surfaces', () => {
  let t: TestSim;
  beforeEach(async () => {
    t = await startTestSim({ forge: FORGE_UI });
  });
  afterEach(() => t.stop());

  it('hosts space settings for space admins with the spaceSettings extension', async () => {
    const sam = await t.web('/wiki/spaces/ENG/settings/apps/microsoft-teams', { user: 'sam' });
    expect(sam.status).toBe(200);
    expect(sam.text).toContain(`<script src="${HOST_SCRIPT}"></script>`);
    expect(sam.text).toContain('data-testid="forge-container"');
    expect(mountCalls(sam.text)).toEqual([
      {
        moduleKey: 'teams-space-settings',
        accountId: person('sam').accountId,
        colorMode: 'light',
        extension: { type: 'confluence:spaceSettings', space: { key: 'ENG', id: '131073' } },
        browserRoutes: ROUTES,
      },
    ]);
    const mia = await t.web('/wiki/spaces/ENG/settings/apps/microsoft-teams', { user: 'mia' });
    expect(mia.status).toBe(403);
    expect(mia.text).toContain('You need to be a space admin');
    expect(mountCalls(mia.text)).toEqual([]);
    expect((await t.web('/wiki/spaces/MKT/settings/apps/microsoft-teams', { user: 'sam' })).status).toBe(403);
    expect((await t.web('/wiki/spaces/ENG/settings/apps/other', { user: 'sam' })).status).toBe(404);
  });

  it('hosts global settings for site admins and the global page for everyone', async () => {
    const admin = await t.web('/wiki/admin/teams-global-settings');
    expect(mountCalls(admin.text)[0]).toMatchObject({
      moduleKey: 'teams-global-settings',
      extension: { type: 'confluence:globalSettings' },
    });
    expect((await t.web('/wiki/admin/teams-global-settings', { user: 'sam' })).status).toBe(403);
    const personal = await t.web('/wiki/apps/microsoft-teams', { user: 'rex' });
    expect(mountCalls(personal.text)[0]).toMatchObject({
      moduleKey: 'teams-personal-settings',
      accountId: person('rex').accountId,
      extension: { type: 'confluence:globalPage' },
    });
  });

  it('serves the global page at Confluence’s own address and hands its query to the app’s history', async () => {
    const ids = await startTestSim({ forge: { ...FORGE_UI, appId: 'app-1', environmentId: 'env-1' } });
    try {
      const home = await ids.web('/wiki', { user: 'rex' });
      expect(home.text).toContain('href="/wiki/apps/app-1/env-1/microsoft-teams"');
      const page = await ids.web('/wiki/apps/app-1/env-1/microsoft-teams?teams-sign-in=abc', { user: 'rex' });
      expect(page.status).toBe(200);
      expect(mountCalls(page.text)[0]).toMatchObject({
        moduleKey: 'teams-personal-settings',
        extension: { type: 'confluence:globalPage' },
        historyPath: '/',
        historySearch: '?teams-sign-in=abc',
      });
      expect((await ids.web('/wiki/apps/other-app/env-1/microsoft-teams', { user: 'rex' })).status).toBe(404);
    } finally {
      await ids.stop();
    }
  });

  it('offers the content action in the ••• menu, mounted in a modal with the contentAction extension', async () => {
    const id = idOf(t, 'Welcome to the new docs');
    const blog = t.sim.findContent('Welcome to the new docs');
    const [year, month, day] = blog.createdAt.slice(0, 10).split('-');
    const view = await t.web(`/wiki/spaces/ENG/blog/${year}/${month}/${day}/${id}/Welcome+to+the+new+docs`, {
      user: 'mia',
    });
    expect(view.status).toBe(200);
    expect(view.text).toContain('data-content-action="teams-content-action"');
    expect(view.text).toContain('data-testid="forge-modal"');
    // Forge draws no header and no close button around a content action's Custom UI: the app's own
    // Close (view.close) is the only one, with Escape and a click outside.
    expect(view.text).not.toContain('forge-modal-close');
    expect(view.text).not.toContain('modal-head');
    expect(mountCalls(view.text)).toEqual([
      {
        moduleKey: 'teams-content-action',
        accountId: person('mia').accountId,
        colorMode: 'light',
        extension: {
          type: 'confluence:contentAction',
          content: { id, type: 'blogpost', subtype: null },
          space: { key: 'ENG', id: '131073' },
        },
        browserRoutes: ROUTES,
      },
    ]);
  });

  it('says the app is not installed when there is no Forge configuration', async () => {
    const bare = await startTestSim();
    try {
      for (const path of [
        '/wiki/apps/microsoft-teams',
        '/wiki/admin/teams-global-settings',
        '/wiki/spaces/ENG/settings/apps/microsoft-teams',
      ]) {
        const res = await bare.web(path);
        expect(res.text).toContain('The app is not installed on this site.');
        expect(res.text).not.toContain('ForgeHost.mount');
      }
      const page = await bare.web(`/wiki/spaces/ENG/pages/${idOf(bare, 'Release plan 2027')}`);
      expect(page.text).not.toContain('data-content-action');
      expect(page.text).toContain('No apps installed');
    } finally {
      await bare.stop();
    }
  });
});
