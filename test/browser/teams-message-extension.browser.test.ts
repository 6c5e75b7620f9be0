import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { startMicrosoftSimulator, type MicrosoftSimulator } from '../../dev/ms-sim';
import { person } from '../../dev/seed';
import { botSendsCard, startScriptedBot } from '../dev/ms-sim/support/scripted-bot';
import { launchChromium, saveScreenshot, seriousAxeViolations } from '../support/browser';

/**
 * The simulator's Teams view playing the companion app's message extension against a stand-in
 * bot (the app's own answers are tested in teams-to-confluence.browser.test.ts): Mia searches
 * from the compose box and shares the card, pastes a link and sees the preview, comments on a
 * message through the "…" menu's dialog, and presses the card's own Comment button.
 */
jest.setTimeout(90_000);

const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';
const GENERAL = '19:eng-general@thread.tacv2';
const SITE = 'wiki.example.test';
const id = (testId: string) => `[data-testid="${testId}"]`;
/** Waits for something the page's debounced requests make true. */
const until = async (check: () => boolean, timeoutMs = 10_000) => {
  const end = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > end) throw new Error('Timed out waiting for the condition');
    await new Promise((r) => setTimeout(r, 50));
  }
};

const pageCard = (title: string) => ({
  type: 'AdaptiveCard',
  version: '1.5',
  body: [{ type: 'TextBlock', text: title, weight: 'Bolder' }],
  actions: [
    {
      type: 'Action.ShowCard',
      title: 'Comment',
      card: {
        type: 'AdaptiveCard',
        body: [{ type: 'Input.Text', id: 'comment', label: 'Your comment', isMultiline: true }],
        actions: [{ type: 'Action.Execute', title: 'Post comment', verb: 'comment', data: { pageId: '42' } }],
      },
    },
  ],
});
const result = (title: string) => ({
  contentType: ADAPTIVE,
  content: pageCard(title),
  preview: {
    contentType: 'application/vnd.microsoft.card.thumbnail',
    content: { title, text: 'Engineering' },
  },
});

describe('Teams view: the companion app’s message extension, in Chromium', () => {
  const mia = person('mia');
  let sim: MicrosoftSimulator;
  let bot: Awaited<ReturnType<typeof startScriptedBot>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ throttle: false });
    bot = await startScriptedBot();
    sim.botChannel.registerEndpoint(bot.url);
    sim.teams.configureApp({ linkDomains: [SITE] });
    sim.bot.install(mia.oid);
    bot.answer('composeExtension/query', {
      body: {
        composeExtension: {
          type: 'result',
          attachmentLayout: 'list',
          attachments: [result('Runbook'), result('Release notes')],
        },
      },
    });
    bot.answer('composeExtension/queryLink', {
      body: {
        composeExtension: {
          type: 'result',
          attachmentLayout: 'list',
          attachments: [result('Release notes')],
        },
      },
    });
    bot.answer('composeExtension/fetchTask', {
      body: {
        task: {
          type: 'continue',
          value: {
            title: 'Comment in Confluence',
            card: {
              contentType: ADAPTIVE,
              content: {
                type: 'AdaptiveCard',
                version: '1.4',
                body: [{ type: 'Input.Text', id: 'comment', label: 'Comment on Release notes' }],
                actions: [{ type: 'Action.Submit', title: 'Post', data: { pageId: '43' } }],
              },
            },
          },
        },
      },
    });
    bot.answer('composeExtension/submitAction', {
      body: { task: { type: 'message', value: 'You commented on Release notes.' } },
    });
    bot.answer('adaptiveCard/action', {
      body: {
        statusCode: 200,
        type: ADAPTIVE,
        value: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'You commented' }] },
      },
    });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
    await page.goto(`${sim.teamsViewUrl}?theme=light&as=mia#${encodeURIComponent(GENERAL)}`);
  });
  afterAll(async () => {
    await browser?.close();
    await bot?.stop();
    await sim?.stop();
  });

  it('the apps button opens the search (initialRun first); typing searches; a result goes into the box; Send shares it via the app', async () => {
    await page.getByRole('button', { name: 'Teams for Confluence search' }).click();
    await page.locator(id('search-result')).first().waitFor();
    expect(bot.last()).toMatchObject({ value: { parameters: [{ name: 'initialRun', value: 'true' }] } });
    await page.getByLabel('Search', { exact: true }).fill('runbook');
    await page.getByLabel('Space', { exact: true }).fill('ENG');
    await until(() => JSON.stringify(bot.last()?.value).includes('"value":"ENG"'));
    expect(bot.last()).toMatchObject({
      value: {
        parameters: [
          { name: 'query', value: 'runbook' },
          { name: 'space', value: 'ENG' },
        ],
      },
    });
    await saveScreenshot(page, 'teams-extension-search-light');
    await page.locator(`${id('search-result')}:has-text("Runbook")`).click();
    await page.locator(`${id('inserted-card')}:has-text("Runbook")`).waitFor();
    await page.getByLabel('Type a new message').fill('The runbook for today');
    await page.locator('#channel-compose-send').click();

    const shared = page.locator(`${id('message')}:has-text("The runbook for today")`);
    await shared.getByText('via Teams for Confluence').waitFor();
    await shared.locator(`${id('card')}:has-text("Runbook")`).waitFor();
    expect(sim.messages().at(-1)).toMatchObject({
      from: { oid: mia.oid },
      attachments: [{ teamsAppId: sim.teams.app().appId }],
    });
  });

  it('pasting a link to the site shows the preview the bot returned; it can be removed, and Send posts it', async () => {
    const url = `https://${SITE}/wiki/spaces/ENG/pages/43/Release+notes`;
    const box = page.getByLabel('Type a new message');
    await box.fill(`Read ${url}`);
    const preview = page.locator(`${id('link-preview')}:has-text("Release notes")`);
    await preview.waitFor();
    expect(bot.last()).toMatchObject({ name: 'composeExtension/queryLink', value: { url } });
    await preview.getByRole('button', { name: 'Remove preview' }).click();
    await preview.waitFor({ state: 'detached' });
    const sent = bot.received.length;
    await box.fill(`Read ${url} now!`);
    await page.waitForTimeout(800); // longer than the page's debounce: nothing may be sent
    expect(bot.received.length).toBe(sent);
    expect(await preview.count()).toBe(0);
    // Removed is removed for that link in this draft, as in Teams; another link unfurls.
    await box.fill(`Read this: ${url.replace('43', '44')}`);
    await preview.waitFor();
    await page.locator('#channel-compose-send').click();
    await page
      .locator(`${id('message')}:has-text("Read this") ${id('card')}:has-text("Release notes")`)
      .waitFor();
  });

  it('… › Comment in Confluence opens the app’s dialog; its submit sends the typed comment and shows the answer', async () => {
    const message = page.locator(`${id('message')}:has-text("Read this")`);
    await message.getByRole('button', { name: 'More options' }).click();
    await message.getByRole('menuitem', { name: 'Comment in Confluence' }).click();
    const dialog = page.getByRole('dialog', { name: 'Comment in Confluence' });
    await dialog.getByRole('textbox', { name: 'Comment on Release notes' }).fill('Ship it');
    await saveScreenshot(page, 'teams-extension-dialog-light');
    await dialog.getByRole('button', { name: 'Post' }).click();
    await dialog.getByText('You commented on Release notes.').waitFor();
    expect(bot.last()).toMatchObject({
      name: 'composeExtension/submitAction',
      value: { commandId: 'commentOnMessage', data: { comment: 'Ship it', pageId: '43' } },
    });
    expect(await seriousAxeViolations(page.mainFrame())).toEqual([]);
    await dialog.getByRole('button', { name: 'Close' }).click();
  });

  it('the shared card’s Comment box sends Action.Execute in the channel, and the answer replaces the card', async () => {
    const card = page.locator(`${id('message')}:has-text("The runbook for today") ${id('card')}`);
    await card.getByRole('button', { name: 'Comment' }).click();
    await card.getByRole('textbox', { name: 'Your comment' }).fill('Step 3 is out of date');
    await card.getByRole('button', { name: 'Post comment' }).click();
    await page
      .locator(`${id('message')}:has-text("The runbook for today") ${id('card')}:has-text("You commented")`)
      .waitFor();
    expect(bot.last()).toMatchObject({
      name: 'adaptiveCard/action',
      conversation: { conversationType: 'channel' },
      value: { action: { verb: 'comment', data: { comment: 'Step 3 is out of date', pageId: '42' } } },
    });
    await page.locator('#theme-toggle').click();
    await saveScreenshot(page, 'teams-extension-dark');
    expect(await seriousAxeViolations(page.mainFrame())).toEqual([]);
  });

  it('in her chat with the bot, a card’s Comment box (Action.ShowCard) sends its input with the Action.Execute, and the answer replaces the card', async () => {
    const activityId = await botSendsCard(sim, mia.oid, pageCard('Runbook was updated'));
    await page.goto(`${sim.teamsViewUrl}?theme=light&as=mia&conversation=bot:${mia.oid}`);
    const card = page.locator(`${id('card')}[data-activity-id="${activityId}"]`);
    await card.getByRole('button', { name: 'Comment' }).click();
    await card.getByRole('textbox', { name: 'Your comment' }).fill('Thanks');
    await card.getByRole('button', { name: 'Post comment' }).click();
    await page.locator(`${id('card')}[data-activity-id="${activityId}"]:has-text("You commented")`).waitFor();
    expect(bot.last()).toMatchObject({
      name: 'adaptiveCard/action',
      replyToId: activityId,
      conversation: { conversationType: 'personal' },
      value: { action: { verb: 'comment', data: { comment: 'Thanks', pageId: '42' } } },
    });
  });

  it('another person in “You are” starts with an empty box, and without the app cannot open it; Escape closes the “…” menu', async () => {
    await page.goto(`${sim.teamsViewUrl}?theme=light&as=mia&conversation=${encodeURIComponent(GENERAL)}`);
    const box = page.getByLabel('Type a new message');
    await box.fill('A draft of Mia’s');
    await page.locator('#acting-person').selectOption({ label: 'Rex Restricted' });
    expect(await box.inputValue()).toBe('');
    await page.locator('#extension-open:disabled').waitFor();
    const message = page.locator(id('message')).first();
    await message.getByRole('button', { name: 'More options' }).click();
    const item = message.getByRole('menuitem', { name: 'Comment in Confluence' });
    await item.waitFor();
    await page.keyboard.press('Escape');
    await item.waitFor({ state: 'hidden' });
    expect(await message.getByRole('button', { name: 'More options' }).getAttribute('aria-expanded')).toBe(
      'false',
    );
  });
});
