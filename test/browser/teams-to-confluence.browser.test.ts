import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { PRINCIPAL_HEADER } from '../../dev/confluence-sim';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import { launchChromium, saveScreenshot, seriousAxeViolations, signedInContext } from '../support/browser';
import { logInToTeams, mapTenant } from '../support/notification-fixture';
import { startTestSandbox } from '../support/sandbox-fixture';

/**
 * From Teams to Confluence, clicked through in the simulator's Teams view as Mia: she adds the
 * app and logs in, searches Confluence from a channel's compose box and shares a page there,
 * pastes a link and sees the app's preview, comments on the shared card and through the "…"
 * menu's Comment in Confluence; the comments are on the page in the Confluence simulator.
 */
jest.setTimeout(150_000);

const APP_WAIT = { timeout: 20_000 };
const PAGE_TITLE = 'Release plan 2027';
const GENERAL = '19:eng-general@thread.tacv2';
const id = (testId: string) => `[data-testid="${testId}"]`;

describe('Teams view: Mia searches, shares, previews and comments, in Chromium', () => {
  const mia = person('mia');
  let sandbox: Sandbox;
  let browser: Browser;
  let context: BrowserContext;
  let teams: Page;
  let pageUrl: string;

  const channelMessage = (text: string): Locator => teams.locator(`${id('message')}:has-text("${text}")`);
  const composeBox = () => teams.getByLabel('Type a new message');
  /** The page's footer comments as Confluence keeps them (read as Ada, who sees everything). */
  const commentsOnPage = async (pageId: string): Promise<string[]> => {
    const answer = await fetch(
      `${sandbox.confluence.url}/wiki/api/v2/pages/${pageId}/footer-comments?body-format=storage`,
      { headers: { [PRINCIPAL_HEADER]: `user:${person('ada').accountId}` } },
    );
    const body = (await answer.json()) as { results: Array<{ body: { storage: { value: string } } }> };
    return body.results.map((c) => c.body.storage.value);
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    await mapTenant(sandbox);
    const page = sandbox.confluence.findContent(PAGE_TITLE);
    pageUrl = `${sandbox.confluence.url}/wiki/spaces/ENG/pages/${page.id}/Release+plan+2027`;
    browser = await launchChromium();
    context = await signedInContext(browser, sandbox, mia);
    teams = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await sandbox?.stop();
  });

  it('Mia adds the app in Teams and logs in from Confluence', async () => {
    await teams.goto(`${sandbox.microsoft.teamsViewUrl}?theme=light&as=mia`);
    await teams.locator('#apps').getByRole('button', { name: 'Teams for Confluence' }).click();
    const row = teams.locator(`${id('app-person')}[data-oid="${mia.oid}"]`);
    await row.getByRole('button', { name: 'Add app for Mia Member' }).click();
    await row.getByText('Added', { exact: true }).waitFor();
    await logInToTeams(sandbox, mia);
    expect(await teams.locator('#acting-person').inputValue()).toBe(mia.oid);
  });

  it('she searches Confluence from Engineering › General and shares the page into the channel', async () => {
    await teams
      .locator('#rail')
      .getByRole('button', { name: /^General/ })
      .first()
      .click();
    await teams.getByRole('button', { name: 'Teams for Confluence search' }).click();
    await teams.locator(id('search-result')).first().waitFor(APP_WAIT);
    await teams.getByLabel('Search', { exact: true }).fill('release plan');
    // Other results may quote the title in their text; this one is titled so.
    const result = teams
      .locator(id('search-result'))
      .filter({ has: teams.locator('.result-title', { hasText: PAGE_TITLE }) });
    await result.waitFor(APP_WAIT);
    await saveScreenshot(teams, 'teams-to-confluence-search-light');
    await result.click();
    await teams.locator(`${id('inserted-card')}:has-text("${PAGE_TITLE}")`).waitFor();
    await composeBox().fill('The plan for next year');
    await teams.locator('#channel-compose-send').click();

    const shared = channelMessage('The plan for next year');
    await shared.getByText('via Teams for Confluence').waitFor();
    await shared.locator(`${id('card')}:has-text("${PAGE_TITLE}")`).waitFor();
    const posted = sandbox.microsoft
      .messages()
      .find((m) => m.body.content.includes('The plan for next year'));
    expect(posted).toMatchObject({ conversationId: GENERAL, from: { oid: mia.oid } });
    expect(JSON.stringify(posted?.attachments[0]?.card)).toContain(PAGE_TITLE);
  });

  it('she pastes a link to the page and sees the preview the app returned, then sends it', async () => {
    await composeBox().fill(`Read this before Friday: ${pageUrl}`);
    const preview = teams.locator(`${id('link-preview')}:has-text("${PAGE_TITLE}")`);
    await preview.waitFor(APP_WAIT);
    await preview.getByText('Engineering').first().waitFor();
    await saveScreenshot(teams, 'teams-to-confluence-preview-light');
    await teams.locator('#channel-compose-send').click();
    await channelMessage('Read this before Friday')
      .locator(`${id('card')}:has-text("${PAGE_TITLE}")`)
      .waitFor();
  });

  it('she comments on the shared card; Teams tells her it is posted, and the comment is on the page in Confluence', async () => {
    const card = channelMessage('The plan for next year').locator(id('card'));
    await card.getByRole('button', { name: 'Comment', exact: true }).click();
    await card
      .getByPlaceholder('Comment on this page in Confluence')
      .fill('Count me in for the March launch');
    await card.getByRole('button', { name: 'Post comment' }).click();
    // In a channel the card stays as everyone sees it; Teams tells only her (the app's message answer).
    await teams.locator('#toast:has-text("Your comment is on")').waitFor(APP_WAIT);
    await saveScreenshot(teams, 'teams-to-confluence-commented-light');

    const confluence = await context.newPage();
    await confluence.goto(pageUrl);
    await confluence.getByText('Count me in for the March launch').waitFor();
    await confluence.close();
    expect(await commentsOnPage(sandbox.confluence.findContent(PAGE_TITLE).id)).toContain(
      '<p>Count me in for the March launch</p>',
    );
  });

  it('“…” › Comment in Confluence on the message with the link asks for the text and posts it as her', async () => {
    const message = channelMessage('Read this before Friday');
    await message.getByRole('button', { name: 'More options' }).click();
    await message.getByRole('menuitem', { name: 'Comment in Confluence' }).click();
    const dialog = teams.getByRole('dialog');
    await dialog.getByRole('textbox').waitFor(APP_WAIT);
    await dialog.getByRole('textbox').fill('Read it, looks good');
    await saveScreenshot(teams, 'teams-to-confluence-dialog-light');
    await dialog.getByRole('button', { name: 'Post comment' }).click();
    await dialog.getByText(/Your comment is on/).waitFor(APP_WAIT);
    expect(await seriousAxeViolations(teams.mainFrame())).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
    expect(await commentsOnPage(sandbox.confluence.findContent(PAGE_TITLE).id)).toContain(
      '<p>Read it, looks good</p>',
    );
  });
});
