import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { startMicrosoftSimulator, type MicrosoftSimulator } from '../../dev/ms-sim';
import { SURFACES, invokeOk, signInAtMicrosoft } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import { launchChromium, saveScreenshot, seriousAxeViolations, signedInContext } from '../support/browser';
import { startTestSandbox } from '../support/sandbox-fixture';
import { botSendsCard } from '../dev/ms-sim/support/scripted-bot';
import { saveTenant } from '../support/notification-fixture';

/**
 * The companion bot in the simulator's Teams view, clicked through as Mia would: she adds the
 * app, the bot welcomes her, she types "help" and gets the help card; its Action.OpenUrl opens
 * Confluence; once she has logged in from Confluence, "disconnect" asks first, and the card's
 * Action.Execute button reaches the app, whose answer replaces the card in place.
 */
jest.setTimeout(120_000);

const BOT_WAIT = { timeout: 20_000 };
const id = (testId: string) => `[data-testid="${testId}"]`;

describe('Teams view: Mia’s chat with the companion bot, in Chromium', () => {
  const mia = person('mia');
  let sandbox: Sandbox;
  let browser: Browser;
  let context: BrowserContext;
  let teams: Page;

  const botCard = (saying: string): Locator => teams.locator(`${id('card')}:has-text("${saying}")`);
  const typeToBot = async (text: string) => {
    await teams.getByLabel('Type a message to Teams for Confluence').fill(text);
    await teams.getByRole('button', { name: 'Send' }).click();
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    await saveTenant(sandbox);
    browser = await launchChromium();
    context = await signedInContext(browser, sandbox, mia);
    teams = await context.newPage();
  });
  afterAll(async () => {
    await context?.close();
    await browser?.close();
    await sandbox?.stop();
  });

  it('Mia adds the app from Apps, and her chat with the bot opens with the welcome card', async () => {
    await teams.goto(`${sandbox.microsoft.teamsViewUrl}?theme=light`);
    await teams.locator('#apps').getByRole('button', { name: 'Teams for Confluence' }).click();
    const row = teams.locator(`${id('app-person')}[data-oid="${mia.oid}"]`);
    await row.getByRole('button', { name: 'Add app for Mia Member' }).click();
    await row.getByText('Added', { exact: true }).waitFor();
    await saveScreenshot(teams, 'teams-bot-chat-app-page-light');

    const chat = teams.locator('#chats').getByRole('button', { name: /Teams for Confluence · Mia Member/ });
    await chat.click();
    await botCard('Welcome to Teams for Confluence').waitFor(BOT_WAIT);
    expect(sandbox.microsoft.bot.activities(mia.oid)).toHaveLength(1);
    expect(await teams.locator('#conversation-title').textContent()).toBe(
      'Teams for Confluence · chat with Mia Member',
    );
  });

  it('she types "help": her message shows, then the help card', async () => {
    await typeToBot('help');
    await teams.locator(`${id('message')}[data-from="person"]:has-text("help")`).waitFor();
    await botCard('What I can do').waitFor(BOT_WAIT);
    await saveScreenshot(teams, 'teams-bot-chat-help-light');
  });

  it('the help card’s Action.OpenUrl opens Confluence', async () => {
    const [opened] = await Promise.all([
      context.waitForEvent('page'),
      // Adaptive Cards give an Action.OpenUrl the link role.
      botCard('What I can do').getByRole('link', { name: 'Notification settings' }).click(),
    ]);
    await opened.waitForLoadState();
    expect(opened.url().startsWith(sandbox.confluence.url)).toBe(true);
    await opened.close();
  });

  it('after her login, the Disconnect button (Action.Execute) reaches the app and its card replaces the one asking', async () => {
    const ada = person('ada');
    const consent = await invokeOk(sandbox, ada, SURFACES.global, 'tenant/start-consent', {});
    expect((await signInAtMicrosoft(sandbox, consent.url, ada, { decision: 'accept' })).status).toBe(200);
    const login = await invokeOk(sandbox, mia, SURFACES.personal, 'connection/start-login', {});
    expect((await signInAtMicrosoft(sandbox, login.url, mia)).status).toBe(200);
    await botCard('Connected').waitFor(BOT_WAIT);

    await typeToBot('disconnect');
    const asking = botCard('Disconnect your Confluence account?');
    await asking.waitFor(BOT_WAIT);
    const activityId = await asking.getAttribute('data-activity-id');
    await asking.getByRole('button', { name: 'Disconnect' }).click();

    const replaced = teams.locator(
      `${id('card')}[data-activity-id="${activityId}"]:has-text("Disconnected")`,
    );
    await replaced.waitFor(BOT_WAIT);
    expect(sandbox.microsoft.bot.activities(mia.oid).find((a) => a.id === activityId)).toMatchObject({
      updatedAt: expect.any(Number),
    });
    await saveScreenshot(teams, 'teams-bot-chat-light');
    await teams.locator('#theme-toggle').click();
    await replaced.waitFor();
    await saveScreenshot(teams, 'teams-bot-chat-dark');
    expect(await seriousAxeViolations(teams.mainFrame())).toEqual([]);
  });

  it('Remove app sends the removal and leaves the chat read-only', async () => {
    await teams.locator(id('remove-app')).click();
    await teams.locator(id('add-app')).waitFor();
    expect(await teams.getByLabel('Type a message to Teams for Confluence').isDisabled()).toBe(true);
    await saveScreenshot(teams, 'teams-bot-chat-removed-dark');
  });
});

/**
 * The answers the app does not give yet (a message, an error), from a stand-in bot endpoint:
 * the view shows them as a toast and the card keeps what was typed into it.
 */
describe('Teams view: an Action.Execute answered with a message or an error, in Chromium', () => {
  const mia = person('mia');
  let sim: MicrosoftSimulator;
  let bot: Server;
  let browser: Browser;

  beforeAll(async () => {
    sim = await startMicrosoftSimulator({ throttle: false });
    bot = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        const activity = JSON.parse(body) as {
          type: string;
          value?: { action: { verb: string; data: { comment?: string } } };
        };
        if (activity.type !== 'invoke' || !activity.value) return res.writeHead(200).end();
        const { verb, data } = activity.value.action;
        const answer =
          verb === 'comment'
            ? {
                statusCode: 200,
                type: 'application/vnd.microsoft.activity.message',
                value: `Comment added: ${data.comment ?? ''}`,
              }
            : {
                statusCode: 400,
                type: 'application/vnd.microsoft.error',
                value: { code: 'BadRequest', message: 'That did not work.' },
              };
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(answer));
      });
    });
    await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
    sim.botChannel.registerEndpoint(`http://127.0.0.1:${(bot.address() as AddressInfo).port}/bot`);
    sim.bot.install(mia.oid);
    await botSendsCard(sim, mia.oid, {
      type: 'AdaptiveCard',
      version: '1.4',
      body: [
        { type: 'TextBlock', text: 'Comment on this page' },
        { type: 'Input.Text', id: 'comment', label: 'Comment' },
      ],
      actions: [
        { type: 'Action.Execute', title: 'Comment', verb: 'comment' },
        { type: 'Action.Execute', title: 'Fail', verb: 'fail' },
      ],
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => bot?.close(resolve));
    await sim?.stop();
  });

  it.each(['light', 'dark'])('shows the message and the error as toasts (%s)', async (theme) => {
    const page = await browser.newPage({ viewport: { width: 1100, height: 600 } });
    await page.goto(`${sim.teamsViewUrl}?theme=${theme}#bot:${mia.oid}`);
    const input = page.getByRole('textbox', { name: 'Comment' });
    await input.fill('Looks good');
    await page.getByRole('button', { name: 'Comment', exact: true }).click();
    await page.locator('#toast[role="status"]:has-text("Comment added: Looks good")').waitFor();
    expect(await input.inputValue()).toBe('Looks good');
    await saveScreenshot(page, `teams-bot-chat-toast-${theme}`);
    await page.getByRole('button', { name: 'Fail' }).click();
    await page.locator('#toast[role="alert"]:has-text("That did not work.")').waitFor();
    await saveScreenshot(page, `teams-bot-chat-error-${theme}`);
    await page.close();
  });
});
