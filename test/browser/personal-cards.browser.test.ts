import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { person, type SeedPerson } from '../../dev/seed';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { TEST_IDS as T } from '../../static/settings-ui/src/testids';
import {
  appFrame,
  launchChromium,
  saveScreenshot,
  seriousAxeViolations,
  signedInContext,
  submitAndWait,
} from '../support/browser';
import { messagesMentioning, startSandboxAfterFirstSlice } from '../support/sandbox-fixture';

/**
 * Issue 11's browser story, clicked through as the people in it would: Mia adds the companion app
 * in the Teams view and is welcomed, logs in to Microsoft Teams from her personal page in
 * Confluence and the bot confirms it, then watches a page; Sam's edit of that page reaches her 1:1
 * chat as a personal card that says why. Before she watches it, Sam's edit gives her nothing.
 */
jest.setTimeout(180_000);

/** Sam created it; Mia neither created nor edited it, so Confluence's autowatch left her out. */
const PAGE_TITLE = 'Architecture decisions';
const WHY = 'You get this because you watch this page or its space.';
const BOT_WAIT = { timeout: 30_000 };
const id = (testId: string) => `[data-testid="${testId}"]`;

describe('Personal cards: Mia watches a page and Sam’s edit reaches her 1:1 chat, in Chromium', () => {
  const mia = person('mia');
  const sam = person('sam');
  let sandbox: Sandbox;
  let browser: Browser;
  let context: BrowserContext;
  let teams: Page;
  let confluence: Page;

  const botCard = (saying: string): Locator => teams.locator(`${id('card')}:has-text("${saying}")`);
  const pageCards = (): Locator => botCard(PAGE_TITLE);

  /** The top bar's "Acting as" switcher; the page reloads as the chosen person. */
  const actAs = async (who: SeedPerson) => {
    await confluence.selectOption(id('user-switcher'), who.accountId);
    // An <option> is never "visible": wait for the reloaded page to mark the person selected.
    await confluence
      .locator(`${id('user-switcher')} option[value="${who.accountId}"][selected]`)
      .waitFor({ state: 'attached' });
  };

  /** ENG's page tree, then the page by its title. */
  const openPage = async () => {
    await confluence.goto(`${sandbox.confluence.url}/wiki/spaces/ENG?theme=light`);
    await confluence.getByRole('link', { name: PAGE_TITLE }).first().click();
    await confluence.locator(`${id('page-title')}:has-text("${PAGE_TITLE}")`).waitFor();
  };

  const watchButton = (): Locator => confluence.locator(`${id('watch-form')} ${id('watch-button')}`);

  /** The sim's editor, as the person currently acting; waits until the pipeline is idle. */
  const editPage = async (text: string, message: string) => {
    await confluence.click(id('edit-button'));
    await confluence.fill(id('body-input'), `<p>${text}</p>`);
    await confluence.fill(id('version-message-input'), message);
    await submitAndWait(confluence, confluence.locator(id('save-button')), /\/pages\/\d+\/edit$/);
    await sandbox.forge.idle({ timeoutMs: 30_000 });
  };

  const botActivitiesAbout = (text: string) =>
    sandbox.microsoft.bot.activities(mia.oid).filter((a) => JSON.stringify(a.card ?? a.text).includes(text));

  beforeAll(async () => {
    // Tenant mapped with admin consent; Ada's ENG rule posts to Engineering › General.
    sandbox = await startSandboxAfterFirstSlice();
    browser = await launchChromium();
    context = await signedInContext(browser, sandbox, mia);
    teams = await context.newPage();
    confluence = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await sandbox?.stop();
  });

  it('Mia adds the app under Apps and her chat with the bot opens with the welcome card', async () => {
    await teams.goto(`${sandbox.microsoft.teamsViewUrl}?theme=light`);
    await teams.locator('#apps').getByRole('button', { name: 'Teams for Confluence' }).click();
    const row = teams.locator(`${id('app-person')}[data-oid="${mia.oid}"]`);
    await row.getByRole('button', { name: 'Add app for Mia Member' }).click();
    await row.getByText('Added', { exact: true }).waitFor();

    await teams
      .locator('#chats')
      .getByRole('button', { name: /Teams for Confluence · Mia Member/ })
      .click();
    await botCard('Welcome to Teams for Confluence').waitFor(BOT_WAIT);
    await expect(teams.locator('#conversation-title').textContent()).resolves.toBe(
      'Teams for Confluence · chat with Mia Member',
    );
  });

  it('she logs in from her personal page in Confluence, and the bot confirms it in her chat', async () => {
    await confluence.goto(`${sandbox.confluence.url}/wiki/home?theme=light`);
    await confluence.click(`${id('apps-menu')} summary`);
    await confluence.click(`${id('apps-menu-item')}:has-text("Microsoft Teams")`);
    const frame = await appFrame(confluence, id(T.loginButton));

    const [microsoft] = await Promise.all([context.waitForEvent('page'), frame.click(id(T.loginButton))]);
    await microsoft.waitForLoadState();
    await microsoft.click(`button.account[value="${mia.oid}"]`);
    // Microsoft's redirect lands on her personal page, which finishes the sign-in as Mia.
    const finished = await appFrame(microsoft, id(T.signInFinished));
    await expect(finished.textContent(id(T.signInFinished))).resolves.toMatch(
      /Connected to Microsoft Teams.*Mia Member/,
    );
    await microsoft.close();
    await frame.waitForSelector(id(T.connectionDetails), { timeout: 20_000 });

    await botCard('Your Confluence account Mia Member is connected').waitFor(BOT_WAIT);
  });

  it('before she watches the page, Sam’s edit reaches the channel but not her chat', async () => {
    await openPage();
    await expect(watchButton().getAttribute('aria-pressed')).resolves.toBe('false');
    await expect(watchButton().textContent()).resolves.toContain('Watch');

    await actAs(sam);
    const channelCardsBefore = messagesMentioning(sandbox, PAGE_TITLE).length;
    await editPage('ADR index, first pass.', 'Sorted the ADR index');
    // The edit went through the pipeline (Ada's space rule posted it) ...
    expect(messagesMentioning(sandbox, PAGE_TITLE).length).toBeGreaterThan(channelCardsBefore);
    // ... and Mia, who does not watch the page, got nothing; the view has polled at least once.
    expect(botActivitiesAbout(PAGE_TITLE)).toEqual([]);
    await teams.waitForTimeout(2_500);
    await expect(pageCards().count()).resolves.toBe(0);
  });

  it('she presses Watch on the page', async () => {
    await actAs(mia);
    await expect(watchButton().getAttribute('aria-pressed')).resolves.toBe('false');
    await submitAndWait(confluence, watchButton(), /\/pages\/\d+\/watch$/);
    await confluence.locator(`${id('watch-button')}[aria-pressed="true"]`).waitFor();
    await expect(watchButton().textContent()).resolves.toContain('Watching');
  });

  it('Sam edits the page in the editor, and the card arrives in Mia’s 1:1 chat saying why', async () => {
    await actAs(sam);
    await editPage('ADR index, sorted by status.', 'Grouped the ADRs by status');

    const card = teams.locator(`${id('card')}:has-text("${PAGE_TITLE}"):has-text("${WHY}")`);
    await card.waitFor(BOT_WAIT);
    await expect(pageCards().count()).resolves.toBe(1);
    const text = (await card.textContent()) ?? '';
    for (const part of ['Sam Spaceadmin', 'Grouped the ADRs by status', 'Open in Confluence'])
      expect(text).toContain(part);
    expect(botActivitiesAbout(PAGE_TITLE)).toHaveLength(1);

    await card.scrollIntoViewIfNeeded();
    await saveScreenshot(teams, 'personal-cards-chat-light');
    await teams.locator('#theme-toggle').click();
    await teams.locator('html[data-theme="dark"]').waitFor();
    await card.waitFor();
    await saveScreenshot(teams, 'personal-cards-chat-dark');
    expect(await seriousAxeViolations(teams.mainFrame())).toEqual([]);
  });
});
