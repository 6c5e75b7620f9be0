import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext } from 'playwright-core';
import { person } from '../../dev/seed';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { TEST_IDS as T } from '../../static/settings-ui/src/testids';
import { appFrame, launchChromium, signedInContext } from '../support/browser';
import { startTestSandbox } from '../support/sandbox-fixture';

/**
 * Issue 13, item 19: the page dialog ("•••" → Microsoft Teams) has one Close, the app's own.
 * Confluence draws no header around a content action's Custom UI, and neither does the simulator.
 */
jest.setTimeout(120_000);

const id = (testId: string) => `[data-testid="${testId}"]`;

describe('the page dialog in Chromium', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  let context: BrowserContext | undefined;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await sandbox?.stop();
  });

  it('shows exactly one Close, which closes the dialog', async () => {
    context = await signedInContext(browser, sandbox, person('mia'));
    const page = await context.newPage();
    const content = sandbox.confluence.findContent('Release plan 2027');
    await page.goto(`${sandbox.confluence.url}/wiki/spaces/ENG/pages/${content.id}?theme=light`);
    await page.click(id('more-actions'));
    await page.click(id('content-action-item'));
    const frame = await appFrame(page, id(T.closeApp));

    const dialog = page.locator('dialog[data-testid="forge-modal"][open]');
    // Outside the app's frame the dialog holds no button at all; inside, one Close.
    await expect(dialog.locator('button').count()).resolves.toBe(0);
    await expect(frame.locator('button', { hasText: /^Close$/ }).count()).resolves.toBe(1);

    await frame.click(id(T.closeApp));
    await page.locator('dialog[data-testid="forge-modal"]:not([open])').waitFor({ state: 'attached' });
  });
});
