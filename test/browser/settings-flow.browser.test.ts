import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { ENTRA_APP, TENANT, person, type SeedPerson } from '../../dev/seed';
import { SURFACES, invokeOk } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { TEST_IDS as T } from '../../static/settings-ui/src/testids';
import {
  appFrame,
  launchChromium,
  saveScreenshot,
  seriousAxeViolations,
  signedInContext,
} from '../support/browser';
import { startTestSandbox } from '../support/sandbox-fixture';

/**
 * The story in a real browser: the admin maps the tenant, Sam logs in from the space
 * view through Microsoft's sign-in page, creates a rule with the pickers, Mia edits the page
 * and the card shows in the Teams view; after Sam disconnects, the next edit sends nothing.
 */
jest.setTimeout(120_000);

const SPACE_PATH = '/wiki/spaces/ENG/settings/apps/microsoft-teams';
const GLOBAL_PATH = '/wiki/admin/teams-global-settings';
const PERSONAL_PATH = '/wiki/apps/microsoft-teams';
const PAGE_TITLE = 'Release plan 2027';
const id = (testId: string) => `[data-testid="${testId}"]`;

describe('settings pages in Chromium', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  const open = async (who: SeedPerson, path: string, ready: string, theme = 'light') => {
    const context = await signedInContext(browser, sandbox, who);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${sandbox.confluence.url}${path}${path.includes('?') ? '&' : '?'}theme=${theme}`);
    return { context, page, frame: await appFrame(page, id(ready)) };
  };

  /** Plays the person on the Microsoft page the app opened in a new tab. */
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

  /** Atlaskit Select: open it, type to search, take the first match. */
  const pick = async (page: Page, frame: Frame, picker: string, text: string) => {
    await frame.click(id(picker));
    await page.keyboard.type(text);
    await frame.waitForSelector(`${id(picker)} [role="option"]`);
    await page.keyboard.press('Enter');
  };

  const editPageAs = async (who: SeedPerson, body: string) => {
    const page = sandbox.confluence.findContent(PAGE_TITLE);
    await sandbox.confluence.editPage(who.accountId, page.id, {
      body: `<p>${body}</p>`,
      versionMessage: body,
    });
    await sandbox.forge.idle({ timeoutMs: 30_000 });
  };

  const expectAccessible = async (frame: Frame, view: string) => {
    const violations = await seriousAxeViolations(frame);
    expect({ view, violations }).toEqual({ view, violations: [] });
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

  it('lets a site admin map the tenant and grant admin consent', async () => {
    const ada = person('ada');
    const { context, page, frame } = await open(ada, GLOBAL_PATH, T.tenantForm);
    await frame.fill(id(T.tenantTenantId), TENANT.id);
    await frame.fill(id(T.tenantClientId), ENTRA_APP.clientId);
    await frame.fill(id(T.tenantClientSecret), ENTRA_APP.clientSecret);
    await frame.fill(id(T.tenantSecretExpiresOn), ENTRA_APP.secretExpiresOn);
    await frame.click(id(T.tenantSave));
    await frame.waitForSelector(id(T.tenantSecretStored));
    await expect(frame.textContent(id(T.redirectUri))).resolves.toContain('/x1/');

    const tab = await signInOnMicrosoftTab(context, ada, () => frame.click(id(T.grantConsent)));
    await tab.click('button[name="decision"][value="accept"]');
    // Microsoft's redirect lands on the app's personal page, which finishes as Ada.
    const finished = await appFrame(tab, id(T.signInFinished));
    await expect(finished.textContent(id(T.signInFinished))).resolves.toMatch(/Admin consent granted/);
    await tab.close();
    await page.reload();
    const reloaded = await appFrame(page, id(T.consentStatus));
    await expect(reloaded.textContent(id(T.consentStatus))).resolves.toMatch(/granted/i);
    await expectAccessible(reloaded, 'global');
  });

  it('lets a space admin log in from the space view and create a rule with the pickers', async () => {
    const sam = person('sam');
    const { context, page, frame } = await open(sam, SPACE_PATH, T.loginButton);
    await frame.waitForSelector(id(T.connectEmptyState));
    await expectAccessible(frame, 'space, not connected');

    const tab = await signInOnMicrosoftTab(context, sam, () => frame.click(id(T.loginButton)));
    const finished = await appFrame(tab, id(T.signInFinished));
    await expect(finished.textContent(id(T.signInFinished))).resolves.toMatch(
      /Connected to Microsoft Teams.*Sam Spaceadmin.*close this tab/,
    );
    expect(new URL(tab.url()).pathname).toMatch(/^\/wiki\/apps\/[^/]+\/[^/]+\/microsoft-teams$/);
    await saveScreenshot(tab, 'personal-sign-in-finished');
    await tab.close();
    await frame.waitForSelector(id(T.addRule), { timeout: 20_000 });

    await frame.click(id(T.addRule));
    await frame.waitForSelector(id(T.ruleEditor));
    await frame.click(id(`${T.destinationKind('channel')}--radio-label`));
    await pick(page, frame, T.teamPicker, 'Engineering');
    await pick(page, frame, T.channelPicker, 'General');
    await expectAccessible(frame, 'rule editor');
    await frame.click(id(T.ruleSave));
    await frame.waitForSelector(id(T.ruleRow));
    await expect(frame.textContent(id(T.ruleList))).resolves.toContain('General');
  });

  it('does not link Mia’s Microsoft account to Rex when Rex sends her his sign-in link', async () => {
    const rex = person('rex');
    const mia = person('mia');
    const asRex = await open(rex, PERSONAL_PATH, T.loginButton);
    const [rexTab] = await Promise.all([
      asRex.context.waitForEvent('page'),
      asRex.frame.click(id(T.loginButton)),
    ]);
    await rexTab.waitForLoadState();
    const microsoftUrl = rexTab.url();
    await rexTab.close();

    // Mia opens the link in her own browser, signed in to Confluence as herself.
    const miaContext = await signedInContext(browser, sandbox, mia);
    contexts.push(miaContext);
    const miaTab = await miaContext.newPage();
    await miaTab.goto(microsoftUrl);
    await miaTab.click(`button.account[value="${mia.oid}"]`);
    const refused = await appFrame(miaTab, id(T.errorMessage));
    await expect(refused.textContent(id(T.errorMessage))).resolves.toMatch(
      /started by another Confluence user/,
    );
    await saveScreenshot(miaTab, 'personal-sign-in-refused');

    await asRex.page.reload();
    const reloaded = await appFrame(asRex.page, id(T.loginButton));
    expect(await reloaded.$(id(T.connectionDetails))).toBeNull();
    expect(sandbox.forge.kvsDump().secretKeys.filter((k) => k.startsWith('ms-token:'))).toEqual([
      `ms-token:${person('sam').accountId}`,
    ]);
  });

  it('sends a card to the Teams view when Mia edits the page', async () => {
    await editPageAs(person('mia'), 'Launch moves to March.');
    const messages = () => sandbox.microsoft.messages().filter((m) => JSON.stringify(m).includes(PAGE_TITLE));
    expect(messages()).toHaveLength(1);

    const context = await browser.newContext();
    contexts.push(context);
    const teams = await context.newPage();
    await teams.goto(sandbox.microsoft.teamsViewUrl);
    await teams.getByText('General').first().click();
    await teams.waitForSelector('.ac-adaptiveCard');
    await expect(teams.textContent('.ac-adaptiveCard')).resolves.toContain(PAGE_TITLE);
    await saveScreenshot(teams, 'teams-view-card');
  });

  it('shows Sam, on his personal page, that Ada changed the rule that posts as him', async () => {
    const sam = person('sam');
    const [rule] = await invokeOk(sandbox, sam, SURFACES.personal, 'rules/mine', {});
    await invokeOk(sandbox, person('ada'), SURFACES.space('ENG'), 'rules/update', {
      id: rule.id,
      version: rule.version,
      filters: { ...rule.filters, labelsNone: ['draft'] },
    });
    const { frame } = await open(sam, PERSONAL_PATH, T.myRules);
    await frame.waitForSelector(`${id(T.myRules)} ${id(T.ruleHistory)}`);
    await expect(frame.textContent(id(T.ruleHistory))).resolves.toMatch(
      /Changed by Ada Admin on .+: filters/,
    );
  });

  it('stops sending once the owner disconnects', async () => {
    const sam = person('sam');
    const { page, frame } = await open(sam, PERSONAL_PATH, T.disconnectButton);
    await frame.click(id(T.disconnectButton));
    // The confirmation is Forge's modal over the product page, not part of the app's frame.
    const dialog = await page.waitForSelector('dialog[data-forge-modal][open] iframe');
    const modal = await dialog.contentFrame();
    if (!modal) throw new Error('The modal has no frame');
    await modal.click(id(`${T.disconnectModal}-confirm`));
    await frame.waitForSelector(id(T.loginButton));

    const before = sandbox.microsoft.messages().length;
    await editPageAs(person('mia'), 'Launch moves again.');
    expect(sandbox.microsoft.messages().length).toBe(before);
  });

  const VIEWS: Array<[string, SeedPerson['key'], string, string]> = [
    ['global', 'ada', GLOBAL_PATH, T.tenantSection],
    ['space', 'sam', SPACE_PATH, T.rulesSection],
    ['personal', 'sam', PERSONAL_PATH, T.preferencesForm],
  ];

  it.each(['light', 'dark'])(
    'shows every view without serious accessibility violations (%s)',
    async (theme) => {
      for (const [name, who, path, ready] of VIEWS) {
        const { page, frame } = await open(person(who), path, ready, theme);
        await expectAccessible(frame, `${name} ${theme}`);
        await saveScreenshot(page, `${name}-${theme}`);
      }
      const { page, frame } = await openContentAction(person('mia'), theme);
      await expectAccessible(frame, `content ${theme}`);
      await saveScreenshot(page, `content-${theme}`);
    },
  );

  const openContentAction = async (who: SeedPerson, theme: string): Promise<{ page: Page; frame: Frame }> => {
    const content = sandbox.confluence.findContent(PAGE_TITLE);
    const context = await signedInContext(browser, sandbox, who);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${sandbox.confluence.url}/wiki/spaces/ENG/pages/${content.id}?theme=${theme}`);
    await page.click(id('more-actions'));
    await page.click(id('content-action-item'));
    return { page, frame: await appFrame(page, id(T.rulesSection)) };
  };
});
