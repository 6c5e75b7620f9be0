import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { person, type SeedPerson } from '../../dev/seed';
import { SURFACES, invokeOk } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { TEST_IDS as T } from '../../static/settings-ui/src/testids';
import { appFrame, launchChromium, saveScreenshot, signedInContext } from '../support/browser';
import { startSandboxAfterFirstSlice } from '../support/sandbox-fixture';

/**
 * Issue 13, points 14 and 16 in a real browser: the page dialog lists the space rule that already
 * sends the page's updates (where it sends, who set it up), and delivery health follows a retry
 * to its end without anyone pressing Refresh; point 17: the rule editor's author filters pick
 * people by name and show stored account ids as names.
 */
jest.setTimeout(120_000);

const GLOBAL_PATH = '/wiki/admin/teams-global-settings';
const SPACE_PATH = '/wiki/spaces/ENG/settings/apps/microsoft-teams';
const PAGE_TITLE = 'Release plan 2027';
const id = (testId: string) => `[data-testid="${testId}"]`;

describe('the page dialog and delivery health in Chromium', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const newPage = async (who: SeedPerson): Promise<Page> => {
    const context = await signedInContext(browser, sandbox, who);
    contexts.push(context);
    return context.newPage();
  };

  const openContentAction = async (who: SeedPerson): Promise<{ page: Page; frame: Frame }> => {
    const content = sandbox.confluence.findContent(PAGE_TITLE);
    const page = await newPage(who);
    await page.goto(`${sandbox.confluence.url}/wiki/spaces/ENG/pages/${content.id}?theme=light`);
    await page.click(id('more-actions'));
    await page.click(id('content-action-item'));
    return { page, frame: await appFrame(page, id(T.rulesSection)) };
  };

  beforeAll(async () => {
    // Ada has mapped the tenant, logged in and set the ENG space rule → Engineering › General.
    sandbox = await startSandboxAfterFirstSlice();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await sandbox?.stop();
  });

  it('lists, in the page dialog, the space rule that already sends the page: where and whose', async () => {
    const { page, frame } = await openContentAction(person('mia'));
    await frame.waitForSelector(id(T.coveringRule));
    const covering = await frame.textContent(id(T.coveringRules));
    expect(covering).toContain('Already sent by these rules');
    expect(covering).toContain('Engineering › General');
    expect(covering).toContain('Space ENG');
    expect(covering).toContain('Set up by Ada Admin');
    // Above the page's own (empty) list.
    const order = await frame.evaluate(
      `[...document.querySelectorAll('${id(T.coveringRules)}, ${id(T.noRules)}')].map((e) => e.dataset.testid)`,
    );
    expect(order).toEqual([T.coveringRules, T.noRules]);
    await saveScreenshot(page, 'content-covering-rules');
  });

  it('picks “Only changes by” people by name and shows stored account ids as names', async () => {
    const ada = person('ada');
    const [rule] = await invokeOk(sandbox, ada, SURFACES.space('ENG'), 'rules/list', {
      scope: 'space',
      spaceKey: 'ENG',
    });
    if (!rule) throw new Error('expected the first slice’s space rule');
    await invokeOk(sandbox, ada, SURFACES.space('ENG'), 'rules/update', {
      id: rule.id,
      version: rule.version,
      filters: { ...rule.filters, authorsExclude: [person('rex').accountId] },
    });
    const page = await newPage(ada);
    await page.goto(`${sandbox.confluence.url}${SPACE_PATH}?theme=light`);
    const frame = await appFrame(page, id(T.ruleRow));
    await frame.click(id(T.ruleEdit));
    await frame.waitForSelector(`${id(T.authorsExclude)}:has-text("Rex Restricted")`);

    await frame.click(id(T.authorsInclude));
    await page.keyboard.type('Mia');
    await frame.waitForSelector(`${id(T.authorsInclude)} [role="option"]:has-text("Mia Member")`);
    await page.keyboard.press('Enter');
    await frame.waitForSelector(`${id(T.authorsInclude)}:has-text("Mia Member")`);
    await saveScreenshot(page, 'rule-editor-people-picker');
    await frame.click(id(T.ruleSave));
    await frame.waitForSelector(id(T.rulesMessage) + ':has-text("Rule saved")');
    const [saved] = await invokeOk(sandbox, ada, SURFACES.space('ENG'), 'rules/list', {
      scope: 'space',
      spaceKey: 'ENG',
    });
    expect(saved?.filters).toMatchObject({
      authorsInclude: [person('mia').accountId],
      authorsExclude: [person('rex').accountId],
    });
  });

  it('updates a retried delivery by itself, without Refresh', async () => {
    const content = sandbox.confluence.findContent(PAGE_TITLE);
    sandbox.microsoft.faults.set({ rate503: 1, retryAfterSeconds: 1 });
    await sandbox.confluence.editPage(person('mia').accountId, content.id, {
      body: '<p>Launch moves to May.</p>',
    });
    await sandbox.forge.idle({ timeoutMs: 30_000 });
    sandbox.microsoft.faults.clear();

    const page = await newPage(person('ada'));
    await page.goto(`${sandbox.confluence.url}${GLOBAL_PATH}?theme=light`);
    const frame = await appFrame(page, id(T.healthFailure));
    const row = id(T.healthFailure);
    await expect(frame.textContent(`${row} ${id(T.healthStatus)}`)).resolves.toBe('Failed');
    await expect(frame.textContent(row)).resolves.toContain('503');
    await expect(frame.textContent(id(T.healthExplanation))).resolves.toMatch(
      /minor edits and the owner’s own changes, never become deliveries/,
    );
    await expect(frame.textContent(id(T.healthCount('skipped')))).resolves.toContain('Skipped when sending');

    // Teams answers slowly now, so the retry is seen running before it ends.
    sandbox.microsoft.faults.set({ latencyMs: 2500 });
    await frame.click(id(T.healthRetry));
    await frame.waitForSelector(`${row} ${id(T.healthStatus)}:has-text("Retrying")`);
    await expect(frame.textContent(row)).resolves.toContain('Sending again. Last failure:');
    await saveScreenshot(page, 'global-health-retrying');

    await frame.waitForSelector(`${row} ${id(T.healthStatus)}:has-text("Sent")`, { timeout: 30_000 });
    sandbox.microsoft.faults.clear();
    await expect(frame.textContent(row)).resolves.toContain('Sent on a later attempt.');
    await expect(frame.textContent(row)).resolves.not.toContain('503');
    await expect(frame.textContent(id(T.healthCount('sent')))).resolves.toMatch(/^2/);
    await saveScreenshot(page, 'global-health-retried');
  });
});
