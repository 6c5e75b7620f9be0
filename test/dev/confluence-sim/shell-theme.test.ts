import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { person } from '../../../dev/seed';
import { FORGE_UI, mountCalls } from './helpers/forge-fixture';
import { idOf, startTestSim, type TestSim } from './helpers/sim-harness';

/** The theme the shell's `<html>` element carries. */
const colorMode = (html: string): string | undefined =>
  /<html lang="en" data-color-mode="([a-z]+)"/.exec(html)?.[1];

describe('Confluence simulator web UI: the theme of the shell', () => {
  let t: TestSim;
  beforeEach(async () => {
    t = await startTestSim({ forge: FORGE_UI, teamsViewUrl: 'http://127.0.0.1:9/teams' });
  });
  afterEach(() => t.stop());

  /** A browser-like GET: sends the cookies it is given and does not follow redirects. */
  const get = async (path: string, cookies: string[] = []) => {
    const res = await fetch(`${t.sim.url}${path}`, {
      redirect: 'manual',
      headers: { cookie: [`sandbox_user=${person('mia').accountId}`, ...cookies].join('; ') },
    });
    return {
      status: res.status,
      location: res.headers.get('location'),
      cookies: res.headers.getSetCookie().map((c) => c.split(';')[0] ?? ''),
      text: await res.text(),
    };
  };

  it('is light by default and ignores a theme it does not know', async () => {
    const home = await get('/wiki/home');
    expect(colorMode(home.text)).toBe('light');
    expect(home.cookies).toEqual([]);
    const odd = await get('/wiki/home?theme=purple');
    expect(colorMode(odd.text)).toBe('light');
    expect(odd.cookies).toEqual([]);
  });

  it('turns dark with ?theme=dark and stays dark on the page a link leads to', async () => {
    const home = await get('/wiki/home?theme=dark');
    expect(colorMode(home.text)).toBe('dark');
    expect(home.cookies).toEqual(['sandbox_theme=dark']);
    expect(home.text).toMatch(/:root\[data-color-mode=dark\]\{[^}]*--surface:#1f1f21/);

    const id = idOf(t, 'Release plan 2027');
    const linked = await get(`/wiki/spaces/ENG/pages/${id}`, home.cookies);
    expect(linked.status).toBe(200);
    expect(colorMode(linked.text)).toBe('dark');
    // The ••• dialog mounts the app in the same theme as the page around it.
    expect(mountCalls(linked.text).map((call) => call.colorMode)).toEqual(['dark']);

    const settings = await get('/wiki/apps/microsoft-teams', home.cookies);
    expect(colorMode(settings.text)).toBe('dark');
    expect(mountCalls(settings.text).map((call) => call.colorMode)).toEqual(['dark']);

    const back = await get('/wiki/home?theme=light', home.cookies);
    expect(colorMode(back.text)).toBe('light');
    expect(back.cookies).toEqual(['sandbox_theme=light']);
  });

  it('keeps the theme across redirects and error pages', async () => {
    const root = await get('/?theme=dark');
    expect(root.status).toBe(303);
    expect(root.location).toBe('/wiki/home');
    expect(root.cookies).toEqual(['sandbox_theme=dark']);
    expect(colorMode((await get(root.location ?? '', root.cookies)).text)).toBe('dark');
    expect(colorMode((await get('/wiki/nowhere', root.cookies)).text)).toBe('dark');
  });

  it('offers the themes in the top bar and hands a dark theme to the Teams view link', async () => {
    const id = idOf(t, 'Release plan 2027');
    const page = await get(`/wiki/spaces/ENG/pages/${id}?focusedCommentId=1`, ['sandbox_theme=dark']);
    const switchTo = (theme: string) =>
      new RegExp(`href="([^"]*)"\\s+data-testid="theme-${theme}"`).exec(page.text)?.[1];
    expect(switchTo('light')).toBe(`/wiki/spaces/ENG/pages/${id}?focusedCommentId=1&amp;theme=light`);
    expect(switchTo('auto')).toBe(`/wiki/spaces/ENG/pages/${id}?focusedCommentId=1&amp;theme=auto`);
    expect(page.text).toMatch(/data-testid="theme-dark"\s+aria-current="true"/);
    expect(page.text).toContain('href="http://127.0.0.1:9/teams?theme=dark"');
    const light = await get('/wiki/home');
    expect(light.text).toContain('href="http://127.0.0.1:9/teams"');
  });

  it('follows the browser with ?theme=auto', async () => {
    const home = await get('/wiki/home?theme=auto');
    expect(colorMode(home.text)).toBe('auto');
    expect(home.text).toMatch(/@media \(prefers-color-scheme:dark\)\{:root\[data-color-mode=auto\]/);
    expect(mountCalls((await get('/wiki/apps/microsoft-teams', home.cookies)).text)[0]?.colorMode).toBe(
      'auto',
    );
  });
});
