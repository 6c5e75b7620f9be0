import { describe, expect, it, beforeAll, afterAll } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { runInNewContext } from 'node:vm';
import { startMicrosoftSimulator, type MicrosoftSimulator } from '../../../dev/ms-sim';

// eslint-disable-next-line @typescript-eslint/consistent-type-imports -- a type-only view of a module loaded with require
type AdaptiveCardsLibrary = typeof import('adaptivecards');
// The UMD bundle runs in Node without a DOM while nothing is rendered (see card-check.ts).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AC = require('adaptivecards/dist/adaptivecards.min.js') as AdaptiveCardsLibrary;

interface PageWindow {
  TeamsHostConfigs?: Record<'light' | 'dark', object>;
}

/** Runs the served host-config script as the page would, at `search`, and reports what it did. */
function runHostConfigScript(script: string, search: string) {
  const window: PageWindow = {};
  const stored = new Map<string, string>();
  const attributes = new Map<string, string>();
  runInNewContext(script, {
    window,
    location: { search },
    URLSearchParams,
    document: { documentElement: { setAttribute: (k: string, v: string) => attributes.set(k, v) } },
    localStorage: { setItem: (k: string, v: string) => stored.set(k, v) },
  });
  return { configs: window.TeamsHostConfigs, theme: attributes.get('data-theme'), stored };
}

describe('Microsoft simulator: Teams view renders cards as Teams does', () => {
  let sim: MicrosoftSimulator;
  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ throttle: false });
  });
  afterAll(() => sim.stop());

  const asset = async (name: string) => {
    const answer = await fetch(`${sim.url}/_sim/static/${name}`);
    expect(answer.status).toBe(200);
    return answer.text();
  };

  it('loads the Teams host configs and card styles, the host configs before the card renderer', async () => {
    const html = await (await fetch(sim.teamsViewUrl)).text();
    expect(html).toContain('<link rel="stylesheet" href="/_sim/static/teams-card.css">');
    // Not deferred: the theme of ?theme= is on <html> before the first paint and before any card.
    expect(html).toContain('<script src="/_sim/static/teams-host-config.js"></script>');
    expect(html.indexOf('teams-host-config.js')).toBeLessThan(html.indexOf('teams-message-view.js'));
    const messages = await readFile(
      path.join(__dirname, '../../../dev/ms-sim/public/teams-message-view.js'),
      'utf8',
    );
    expect(messages).toContain('new AC.HostConfig(window.TeamsHostConfigs[');
  });

  it('serves Microsoft’s Teams host configs, light and dark, which the official renderer reads', async () => {
    const { configs } = runHostConfigScript(await asset('teams-host-config.js'), '');
    if (!configs) throw new Error('teams-host-config.js did not set window.TeamsHostConfigs');
    const light = new AC.HostConfig(configs.light);
    const dark = new AC.HostConfig(configs.dark);
    expect(light.containerStyles.default.backgroundColor).toBe('#ffffff');
    expect(dark.containerStyles.default.backgroundColor).toBe('#ff2d2c2c');
    expect(light.containerStyles.default.foregroundColors.default.default).toBe('#ff252424');
    expect(dark.containerStyles.default.foregroundColors.default.default).toBe('#ffffffff');
    expect(light.containerStyles.default.foregroundColors.accent.default).toBe('#6264a7');
    expect(dark.containerStyles.emphasis.backgroundColor).toBe('#ff292828');
    expect(light.getFontTypeDefinition().fontFamily).toBe("'Segoe UI', Tahoma, Geneva, Verdana, sans-serif");
    expect(light.getFontTypeDefinition().fontSizes.large).toBe(18);
    expect(light.spacing.padding).toBe(16);
    expect(light.actions.maxActions).toBe(6);
    expect(light.actions.buttonSpacing).toBe(8);
    expect(light.separator.lineColor).toBe('#EEEEEE');
  });

  it('applies and keeps the theme asked for with ?theme=', async () => {
    const script = await asset('teams-host-config.js');
    const dark = runHostConfigScript(script, '?conversation=x&theme=dark');
    expect(dark.theme).toBe('dark');
    expect(dark.stored.get('ms-sim-theme')).toBe('dark');
    expect(runHostConfigScript(script, '?theme=light').theme).toBe('light');
    const none = runHostConfigScript(script, '?conversation=x');
    expect(none.theme).toBeUndefined();
    expect(none.stored.size).toBe(0);
  });

  it('styles the card’s buttons like Teams in both themes instead of leaving browser buttons', async () => {
    const css = await asset('teams-card.css');
    expect(css).toMatch(/\.ac-pushButton \{[^}]*border: 2px solid var\(--ac-button-border\)/);
    expect(css).toMatch(/:root \{[^}]*--ac-button-text: #6264a7;[^}]*--ac-button-border: #bfc0da;/);
    expect(css).toMatch(/\[data-theme='dark'\] \{[^}]*--ac-button-border: #6165a4;/);
  });
});
