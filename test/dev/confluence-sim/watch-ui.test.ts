import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { idOf, startTestSim, type TestSim } from './helpers/sim-harness';

/** The watch button of a rendered page: its label and the state it would set. */
const watchButton = (html: string): { label: string; next: string } | undefined => {
  const form = /<form[^>]*data-testid="watch-form"[\s\S]*?<\/form>/.exec(html)?.[0];
  if (!form) return undefined;
  const next = /name="watching" value="(true|false)"/.exec(form)?.[1] ?? '';
  const label = /data-testid="watch-button"[^>]*>([\s\S]*?)<\/button>/.exec(form)?.[1] ?? '';
  return { label: label.replace(/<svg[\s\S]*?<\/svg>/, '').trim(), next };
};

describe('Confluence simulator web UI: Watch', () => {
  let t: TestSim;
  let plan: string;
  beforeEach(async () => {
    t = await startTestSim();
    plan = idOf(t, 'Release plan 2027');
  });
  afterEach(() => t.stop());

  const isWatching = async (who: 'rex' | 'mia', path: string): Promise<boolean> =>
    (await t.api<{ watching: boolean }>(who, 'GET', path)).body.watching;

  it('shows "Watching" to a watcher of the page and "Watch" to anyone else', async () => {
    const mia = await t.web(`/wiki/spaces/ENG/pages/${plan}`, { user: 'mia' });
    expect(watchButton(mia.text)).toEqual({ label: 'Watching', next: 'false' });
    expect(mia.text).toMatch(/data-testid="watch-button"[^>]*aria-pressed="true"/);
    const rex = await t.web(`/wiki/spaces/ENG/pages/${plan}`, { user: 'rex' });
    expect(watchButton(rex.text)).toEqual({ label: 'Watch', next: 'true' });
    expect(rex.text).toMatch(/data-testid="watch-button"[^>]*aria-pressed="false"/);
  });

  it('watches and stops watching a page from its toolbar, and returns to the page', async () => {
    const path = `/wiki/rest/api/user/watch/content/${plan}`;
    const watched = await t.web(`/wiki/spaces/ENG/pages/${plan}/watch`, {
      user: 'rex',
      form: { watching: 'true' },
    });
    expect(watched.status).toBe(303);
    expect(watched.location).toBe(`/wiki/spaces/ENG/pages/${plan}/Release+plan+2027`);
    expect(await isWatching('rex', path)).toBe(true);
    expect(watchButton((await t.web(watched.location ?? '', { user: 'rex' })).text)?.label).toBe('Watching');
    // The form says what to set, so a second click after a reload cannot flip it back by accident.
    await t.web(`/wiki/spaces/ENG/pages/${plan}/watch`, { user: 'rex', form: { watching: 'true' } });
    expect(await isWatching('rex', path)).toBe(true);
    await t.web(`/wiki/spaces/ENG/pages/${plan}/watch`, { user: 'rex', form: { watching: 'false' } });
    expect(await isWatching('rex', path)).toBe(false);
    expect(t.received).toHaveLength(0);
  });

  it('has the toggle on a blog post, which a viewer may watch too', async () => {
    const blog = t.sim.findContent('Welcome to the new docs');
    const view = await t.web(`/wiki/spaces/ENG/blog/2026/01/05/${blog.id}/Welcome+to+the+new+docs`, {
      user: 'vic',
    });
    expect(view.status).toBe(200);
    expect(watchButton(view.text)).toEqual({ label: 'Watch', next: 'true' });
    const res = await t.web(`/wiki/spaces/ENG/pages/${blog.id}/watch`, {
      user: 'vic',
      form: { watching: 'true' },
    });
    expect(res.location).toBe(`/wiki/spaces/ENG/blog/2026/01/05/${blog.id}/Welcome+to+the+new+docs`);
    const watchers = await t.api<{ results: Array<{ watcher: { accountId: string } }> }>(
      'app',
      'GET',
      `/wiki/rest/api/content/${blog.id}/notification/child-created`,
    );
    expect(watchers.body.results.map((w) => w.watcher.accountId)).toContain(
      (await t.api<{ accountId: string }>('vic', 'GET', '/wiki/rest/api/user/current')).body.accountId,
    );
  });

  it('refuses to let someone watch a page they may not view', async () => {
    const secret = idOf(t, 'Security incident review');
    const res = await t.web(`/wiki/spaces/ENG/pages/${secret}/watch`, {
      user: 'rex',
      form: { watching: 'true' },
    });
    expect(res.status).toBe(403);
    expect(await isWatching('mia', `/wiki/rest/api/user/watch/content/${secret}`)).toBe(false);
  });

  it('offers "Watch space" on the space page', async () => {
    const before = await t.web('/wiki/spaces/ENG', { user: 'mia' });
    expect(watchButton(before.text)).toEqual({ label: 'Watch space', next: 'true' });
    const res = await t.web('/wiki/spaces/ENG/watch', { user: 'mia', form: { watching: 'true' } });
    expect(res.status).toBe(303);
    expect(res.location).toBe('/wiki/spaces/ENG');
    expect(await isWatching('mia', '/wiki/rest/api/user/watch/space/ENG')).toBe(true);
    const after = await t.web('/wiki/spaces/ENG', { user: 'mia' });
    expect(watchButton(after.text)).toEqual({ label: 'Watching space', next: 'false' });
    await t.web('/wiki/spaces/ENG/watch', { user: 'mia', form: { watching: 'false' } });
    expect(await isWatching('mia', '/wiki/rest/api/user/watch/space/ENG')).toBe(false);
  });
});
