import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, ElementHandle, Frame, Page } from 'playwright-core';
import { ENTRA_APP, TENANT, person, type SeedPerson } from '../../dev/seed';
import { SURFACES, invokeAs } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { TEST_IDS as T } from '../../static/settings-ui/src/testids';
import { appFrame, launchChromium, saveScreenshot, signedInContext } from '../support/browser';
import { startTestSandbox } from '../support/sandbox-fixture';

/**
 * The settings forms as an admin meets them (issue 13): every empty field flagged on the first
 * save, an error gone as soon as its field is fixed, an expiry date in the past refused by the
 * server with nothing saved, the walkthrough folded into a summary once connected (and the frame
 * shrinking with it), and a rule's deletion confirmed in a Forge modal over the whole page.
 */
jest.setTimeout(120_000);

const GLOBAL_PATH = '/wiki/admin/teams-global-settings';
const id = (testId: string) => `[data-testid="${testId}"]`;
const ERROR = '[id$="-error"]';

/** The field's error message under it, or null when it shows none. */
const fieldError = async (frame: Frame, inputId: string): Promise<string | null> => {
  const error = await frame.$(`#${inputId}-error`);
  return error ? error.textContent() : null;
};

const dayFromToday = (days: number): string =>
  new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

describe('settings forms in Chromium', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const open = async (who: SeedPerson, theme = 'light') => {
    const context = await signedInContext(browser, sandbox, who);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${sandbox.confluence.url}${GLOBAL_PATH}?theme=${theme}`);
    return { context, page, frame: await appFrame(page, id(T.tenantSection)) };
  };

  const signInOnMicrosoftTab = async (
    context: BrowserContext,
    who: SeedPerson,
    click: () => Promise<void>,
  ) => {
    const [tab] = await Promise.all([context.waitForEvent('page'), click()]);
    await tab.waitForLoadState();
    await tab.click(`button.account[value="${who.oid}"]`);
    return tab;
  };

  const frameHeight = async (page: Page): Promise<number> => {
    const iframe = (await page.$('iframe[src*="/__forge/ui/"]')) as ElementHandle;
    return (await iframe.boundingBox())?.height ?? 0;
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await sandbox?.stop();
  });

  it('flags every empty field on the first save, in the words of the form (item 10)', async () => {
    const { frame } = await open(person('ada'));
    await frame.click(id(T.tenantSave));
    await frame.waitForSelector(`#secret-expires-on-error`);
    expect(await fieldError(frame, 'tenant-id')).toMatch(/tenant/i);
    expect(await fieldError(frame, 'client-id')).toMatch(/client/i);
    expect(await fieldError(frame, 'client-secret')).toMatch(/Enter the client secret/);
    const dateError = await fieldError(frame, 'secret-expires-on');
    expect(dateError).toMatch(/Choose the date/);
    expect(await frame.textContent(id(T.tenantForm))).not.toMatch(/YYYY-MM-DD/);
  });

  it('drops a field’s error as soon as that field is fixed, and keeps the others (item 11)', async () => {
    const { frame } = await open(person('ada'));
    await frame.click(id(T.tenantSave));
    await frame.waitForSelector(`#tenant-id-error`);
    await frame.fill(id(T.tenantTenantId), TENANT.id);
    expect(await fieldError(frame, 'tenant-id')).toBeNull();
    expect(await fieldError(frame, 'client-id')).not.toBeNull();
    await frame.fill(id(T.tenantClientSecret), 'x');
    expect(await fieldError(frame, 'client-secret')).toBeNull();
    expect(await frame.$$(`${id(T.tenantForm)} ${ERROR}`)).toHaveLength(2);
  });

  it('refuses an expiry date in the past on the server, saves nothing and keeps one status (item 9)', async () => {
    const { page, frame } = await open(person('ada'));
    await frame.fill(id(T.tenantTenantId), TENANT.id);
    await frame.fill(id(T.tenantClientId), ENTRA_APP.clientId);
    await frame.fill(id(T.tenantClientSecret), ENTRA_APP.clientSecret);
    await frame.fill(id(T.tenantSecretExpiresOn), dayFromToday(-3));
    await frame.click(id(T.tenantSave));
    await frame.waitForSelector(`#secret-expires-on-error`);
    expect(await fieldError(frame, 'secret-expires-on')).toMatch(/passed.*new client secret/);
    expect(await frame.textContent(id(T.tenantMessage))).not.toMatch(/saved\./);
    expect(await frame.textContent(id(T.tenantStatus))).toBe('Not set up');
    await expect(frame.isDisabled(id(T.grantConsent))).resolves.toBe(true);
    const kvs = sandbox.forge.kvsDump();
    expect(Object.keys(kvs.keys)).not.toContain('tenant');
    expect(kvs.secretKeys).not.toContain('ms-client-secret');
    await saveScreenshot(page, 'global-past-expiry-refused');

    // The resolver refuses it too, without the form's own check in front of it.
    const answer = await invokeAs(sandbox, person('ada'), SURFACES.global, 'tenant/save', {
      tenantId: TENANT.id,
      clientId: ENTRA_APP.clientId,
      clientSecret: ENTRA_APP.clientSecret,
      secretExpiresOn: dayFromToday(-1),
    });
    expect(answer.ok ? 'saved' : answer.error.fieldErrors).toEqual({
      secretExpiresOn: expect.stringMatching(/passed/),
    });
    expect(Object.keys(sandbox.forge.kvsDump().keys)).not.toContain('tenant');

    await frame.fill(id(T.tenantSecretExpiresOn), ENTRA_APP.secretExpiresOn);
    expect(await fieldError(frame, 'secret-expires-on')).toBeNull();
    await frame.click(id(T.tenantSave));
    await frame.waitForSelector(id(T.tenantSecretStored));
    expect(await frame.textContent(id(T.tenantStatus))).toBe('Admin consent needed');
  });

  it('folds the walkthrough into a summary once connected, and the frame shrinks (item 18)', async () => {
    const ada = person('ada');
    const { context, page, frame } = await open(ada);
    await frame.waitForSelector(id(T.grantConsent));
    const tab = await signInOnMicrosoftTab(context, ada, () => frame.click(id(T.grantConsent)));
    await tab.click('button[name="decision"][value="accept"]');
    await appFrame(tab, id(T.signInFinished));
    await tab.close();
    await frame.waitForSelector(id(T.tenantSummary), { timeout: 20_000 });
    expect(await frame.textContent(id(T.tenantStatus))).toBe('Connected');
    expect(await frame.$(id(T.tenantForm))).toBeNull();

    await frame.click(id(T.editConnection));
    await frame.waitForSelector(id(T.tenantForm));
    await page.waitForTimeout(300);
    const open_ = await frameHeight(page);
    await frame.click(id(T.tenantDone));
    await frame.waitForSelector(id(T.tenantSummary));
    await page.waitForTimeout(300);
    const closed = await frameHeight(page);
    expect(closed).toBeLessThan(open_ - 300);
    for (const theme of ['light', 'dark']) {
      const view = await open(ada, theme);
      await view.frame.waitForSelector(id(T.tenantSummary));
      await saveScreenshot(view.page, `global-connected-summary-${theme}`);
    }
  });

  it('drops "Choose a team" once a team is chosen, and confirms a deletion over the whole page (items 11, 19)', async () => {
    const ada = person('ada');
    const { context, page, frame } = await open(ada);
    const tab = await signInOnMicrosoftTab(context, ada, () => frame.click(id(T.loginButton)));
    await appFrame(tab, id(T.signInFinished));
    await tab.close();
    await frame.waitForSelector(id(T.addRule), { timeout: 20_000 });
    await frame.click(id(T.addRule));
    await frame.click(id(`${T.destinationKind('channel')}--radio-label`));
    await frame.click(id(T.ruleSave));
    await frame.waitForSelector('#team-picker-error');
    await frame.click(id(T.teamPicker));
    await page.keyboard.type('Engineering');
    await frame.waitForSelector(`${id(T.teamPicker)} [role="option"]`);
    await page.keyboard.press('Enter');
    expect(await fieldError(frame, 'team-picker')).toBeNull();
    await frame.click(id(T.channelPicker));
    await page.keyboard.type('General');
    await frame.waitForSelector(`${id(T.channelPicker)} [role="option"]`);
    await page.keyboard.press('Enter');
    await frame.click(id(T.ruleSave));
    await frame.waitForSelector(id(T.ruleRow));

    await frame.click(id(T.ruleDelete));
    // Forge's modal is on the product page, over everything, not inside the app's frame.
    const dialog = await page.waitForSelector('dialog[data-forge-modal][open] iframe');
    expect(await frame.$(id(T.deleteRuleModal))).toBeNull();
    const modal = await dialog.contentFrame();
    if (!modal) throw new Error('The modal has no frame');
    await modal.waitForSelector(id(`${T.deleteRuleModal}-confirm`));
    await saveScreenshot(page, 'global-delete-rule-modal');
    await expect(modal.$$('button')).resolves.toHaveLength(2);
    await modal.click(id(`${T.deleteRuleModal}-confirm`));
    await page.waitForSelector('dialog[data-forge-modal]', { state: 'detached' });
    await frame.waitForSelector(id(T.noRules));
    expect(Object.keys(sandbox.forge.kvsDump().entities['rule'] ?? {})).toHaveLength(0);
  });
});
