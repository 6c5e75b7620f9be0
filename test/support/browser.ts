import { readFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  chromium,
  type Browser,
  type BrowserContext,
  type Frame,
  type Locator,
  type Page,
} from 'playwright-core';
import type { SeedPerson } from '../../dev/seed';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';

/**
 * Debian's Chromium, never a downloaded browser. The flags keep it from phoning home: this
 * machine has no internet, and a test must not depend on it.
 */
export const CHROMIUM_CANDIDATES = [
  process.env.CHROMIUM_PATH,
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
];
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const findChromium = (): string | undefined =>
  CHROMIUM_CANDIDATES.find((candidate) => candidate && existsSync(candidate));

export const chromiumPath = (): string => {
  const found = findChromium();
  if (!found) {
    throw new Error('Chromium not found: install Debian\'s "chromium" package or set CHROMIUM_PATH.');
  }
  return found;
};

export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS, headless: true });

/** Screenshots go to a git-ignored folder so every run leaves a picture of every view. */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-results', 'screenshots');

export const saveScreenshot = async (page: Page, name: string): Promise<string> => {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const path = join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
};

/**
 * Presses a form's submit button and waits until the server has answered its POST to a path
 * matching `action` (a Confluence simulator form answers with a redirect once it has saved).
 * `page.waitForURL` would not do: it resolves at once when the page's URL already matches, and
 * a page closed right after the click may cancel the POST, so the edit never happens.
 */
export const submitAndWait = async (page: Page, submit: Locator, action: RegExp): Promise<void> => {
  const answered = page.waitForResponse(
    (response) => response.request().method() === 'POST' && action.test(new URL(response.url()).pathname),
  );
  await submit.click();
  await answered;
};

/** A browser context in which `person` is signed in to the Confluence simulator. */
export const signedInContext = async (
  browser: Browser,
  sandbox: Sandbox,
  person: SeedPerson,
  options: { colorScheme?: 'light' | 'dark' } = {},
): Promise<BrowserContext> => {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  await context.addCookies([{ name: 'sandbox_user', value: person.accountId, url: sandbox.confluence.url }]);
  return context;
};

/** The Custom UI iframe the simulator mounts on a page, once the app has rendered in it. */
export const appFrame = async (page: Page, readySelector: string): Promise<Frame> => {
  const handle = await page.waitForSelector('iframe[src*="/__forge/ui/"]', { timeout: 15_000 });
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('The Forge app iframe has no frame');
  await frame.waitForSelector(readySelector, { timeout: 15_000 });
  return frame;
};

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the frame and returns the serious and critical violations. */
export const seriousAxeViolations = async (frame: Frame): Promise<AxeViolation[]> => {
  await frame.addScriptTag({ content: AXE_SOURCE });
  // A string expression: the test project compiles without the DOM library.
  const result = await frame.evaluate("axe.run(document, { resultTypes: ['violations'] })");
  const violations = (result as { violations: AxeViolation[] }).violations;
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(({ id, impact, help, nodes }) => ({
      id,
      impact,
      help,
      nodes: nodes.map((n) => ({ target: n.target })),
    }));
};
