import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { TEAMS, person } from '../../dev/seed';
import { SURFACES, invokeOk, signInAtMicrosoft } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { TEST_IDS as T } from '../../static/settings-ui/src/testids';
import { appFrame, launchChromium, saveScreenshot, signedInContext, submitAndWait } from '../support/browser';
import { startTestSandbox } from '../support/sandbox-fixture';
import { cardText, deliveryRows, messagesIn, saveTenant } from '../support/notification-fixture';

/**
 * README's "A tour of the sandbox", steps 3 and 4, clicked through as the people in it would:
 * Sam adds a rule in the space settings, Mia edits the page in Confluence's editor, comments
 * under it, and opens "View changes" from the card in the Teams view. Steps 1 and 2 (tenant
 * mapping, Sam's sign-in) have their own browser test; here the sandbox driver does them.
 */
// Generous: each step of Mia's fails on its own first (`step`), and a card wait after 60 s.
jest.setTimeout(180_000);

const SPACE_SETTINGS = '/wiki/spaces/ENG/settings/apps/microsoft-teams';
const PAGE_TITLE = 'Release plan 2027';
const GENERAL = TEAMS[0]?.channels[0];
const id = (testId: string) => `[data-testid="${testId}"]`;

describe('README tour, steps 3 and 4, in Chromium', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  let mia: BrowserContext;
  let teams: Page;
  const contexts: BrowserContext[] = [];

  /** Steps 1 and 2: the tenant is mapped with consent, and Sam is logged in to Microsoft Teams. */
  const mapTenantAndLogInSam = async () => {
    const ada = person('ada');
    await saveTenant(sandbox);
    const consent = await invokeOk(sandbox, ada, SURFACES.global, 'tenant/start-consent', {});
    expect((await signInAtMicrosoft(sandbox, consent.url, ada, { decision: 'accept' })).status).toBe(200);
    const sam = person('sam');
    const login = await invokeOk(sandbox, sam, SURFACES.space('ENG'), 'connection/start-login', {});
    expect((await signInAtMicrosoft(sandbox, login.url, sam)).status).toBe(200);
  };

  /**
   * Runs one step of Mia's, failing after `ms` with its name and how long the steps before it
   * took: a step that hangs says which it is before the test's own timeout hides it.
   */
  const steps: string[] = [];
  const step = async <T>(name: string, action: () => Promise<T>, ms = 20_000): Promise<T> => {
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new Error(`Step "${name}" did not finish in ${ms / 1000} s. Before it: ${steps.join('; ')}`),
          ),
        ms,
      );
    });
    try {
      return await Promise.race([action(), late]);
    } finally {
      clearTimeout(timer);
      steps.push(`${name} ${Date.now() - started} ms`);
    }
  };

  /**
   * Mia, in Confluence: the ENG space, then the page by its title, in the one tab she uses for
   * Confluence. It is never closed mid-way: in CI, closing a tab right after a form's POST once
   * hung for over 20 s (Chromium still following the redirect).
   */
  let confluenceTab: Page | undefined;
  const openPageAsMia = (): Promise<Page> =>
    step('open the page as Mia', async () => {
      const page = (confluenceTab ??= await mia.newPage());
      await page.goto(`${sandbox.confluence.url}/wiki/spaces/ENG`);
      await page.getByRole('link', { name: PAGE_TITLE }).first().click();
      await page.waitForSelector(id('page-title'));
      return page;
    });

  /** Submits a form on Mia's page, waits for the server's answer, then for the app. */
  const submitAsMia = async (page: Page, button: string, action: RegExp) => {
    await step(`submit ${button}`, () => submitAndWait(page, page.locator(id(button)), action));
    await step('wait for the app to be idle', () => sandbox.forge.idle({ timeoutMs: 30_000 }), 35_000);
  };

  const editAsMia = async (text: string, message: string) => {
    const page = await openPageAsMia();
    await step('fill in the editor', async () => {
      await page.click(id('edit-button'));
      await page.fill(id('body-input'), `<p>${text}</p>`);
      await page.fill(id('version-message-input'), message);
    });
    await submitAsMia(page, 'save-button', /\/pages\/\d+\/edit$/);
  };

  /** The card's thread in the Teams view: the root message about the page, and its replies. */
  const pageThread = (): Locator =>
    teams.locator('li.thread', { has: teams.locator(`${id('card')}:has-text("${PAGE_TITLE}")`) });
  const rootCard = (saying = ''): Locator =>
    pageThread().locator(
      `:scope > article${id('message')} > ${id('card')}${saying ? `:has-text("${saying}")` : ''}`,
    );

  /**
   * Waits for the page's card to say `saying`. A card that never does fails with where it stuck:
   * what the Microsoft simulator holds (the app's side) against what the Teams view shows, and
   * the page's delivery rows. This once timed out in CI and never again on a machine.
   */
  const waitForRootCard = async (saying: string) => {
    try {
      await rootCard(saying).waitFor({ timeout: 60_000 });
    } catch (error) {
      const stored = messagesIn(sandbox, {
        type: 'channel',
        teamId: TEAMS[0]?.id ?? '',
        channelId: GENERAL?.id ?? '',
        teamName: 'Engineering',
        channelName: 'General',
      })
        .filter((m) => m.replyToId === null && cardText(m).includes(PAGE_TITLE))
        .map((m) => `${m.id} (${m.replies.length} replies): ${cardText(m).slice(0, 400)}`);
      const rows = deliveryRows(sandbox).map(
        (r) =>
          `${r.status} ${r.request?.event.kind ?? '?'} v${r.request?.event.version ?? '?'} ×${r.attempts} ${r.reason ?? ''} ${r.messageId ?? ''}`,
      );
      const shown = await pageThread()
        .textContent({ timeout: 1_000 })
        .catch(() => '(nothing)');
      const status = await teams.textContent('#status', { timeout: 1_000 }).catch(() => '(none)');
      throw new Error(
        [
          `The page's card never said "${saying}" in the Teams view.`,
          `In the Microsoft simulator: ${stored.join(' | ') || 'no card for the page'}`,
          `The view shows: ${(shown ?? '').replace(/\s+/g, ' ').slice(0, 600)}; its status line: ${status}`,
          `Delivery rows: ${rows.join(' | ')}`,
          `Mia's steps: ${steps.join('; ')}`,
        ].join('\n'),
        { cause: error },
      );
    }
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    browser = await launchChromium();
    await mapTenantAndLogInSam();
    mia = await signedInContext(browser, sandbox, person('mia'));
    contexts.push(mia);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await sandbox?.stop();
  });

  it('step 3: Sam adds a rule for the space that sends pages and comments to Engineering › General', async () => {
    const context = await signedInContext(browser, sandbox, person('sam'));
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${sandbox.confluence.url}${SPACE_SETTINGS}`);
    const frame = await appFrame(page, id(T.addRule));
    await frame.click(id(T.addRule));
    await frame.waitForSelector(id(T.ruleEditor));
    // The tour's step 4 shows a comment as a reply: step 3 ticks "Comment added".
    const comments = T.ruleEvent('comment_created');
    if (!(await frame.isChecked(id(`${comments}--hidden-checkbox`))))
      await frame.click(id(`${comments}--checkbox-label`));
    await frame.click(id(`${T.destinationKind('channel')}--radio-label`));
    for (const [picker, text] of [
      [T.teamPicker, 'Engineering'],
      [T.channelPicker, 'General'],
    ] as const) {
      await frame.click(id(picker));
      await page.keyboard.type(text);
      await frame.waitForSelector(`${id(picker)} [role="option"]`);
      await page.keyboard.press('Enter');
    }
    await frame.click(id(T.ruleSave));
    await frame.waitForSelector(id(T.ruleRow));
    await expect(frame.textContent(id(T.ruleList))).resolves.toContain('General');
    await saveScreenshot(page, 'tour-3-rule-added');
  });

  it('step 4: Mia’s edit arrives as a card, a second edit updates it, her comment goes as a reply', async () => {
    await editAsMia('Launch moves to the second week of March.', 'Moved the launch date');
    teams = await mia.newPage();
    await teams.goto(
      `${sandbox.microsoft.teamsViewUrl}?conversation=${encodeURIComponent(GENERAL?.id ?? '')}`,
    );
    await rootCard().waitFor();
    const first = (await rootCard().textContent()) ?? '';
    for (const part of [
      'Updated by Mia Member',
      'Moved the launch date',
      'Open in Confluence',
      'View changes',
    ])
      expect(first).toContain(part);
    await saveScreenshot(teams, 'tour-4-card');

    await editAsMia('Launch moves to the third week of March.', 'One more week');
    await waitForRootCard('Page updated · 2 edits');

    const page = await openPageAsMia();
    await page.fill(id('comment-input'), 'Does marketing know about the new date?');
    await submitAsMia(page, 'add-comment-button', /\/pages\/\d+\/comments$/);
    const reply = pageThread().locator(`ol.replies ${id('card')}`);
    await reply.waitFor();
    await expect(reply.textContent()).resolves.toContain('Does marketing know about the new date?');
    expect(await teams.locator('li.thread').count()).toBe(1);
    await saveScreenshot(teams, 'tour-4-comment-reply');
  });

  it('step 4: the reply is not counted as an edit of the page', async () => {
    await editAsMia('Launch moves to the last week of March.', 'And one more');
    // Two edits, a reply, an edit: three edits (the reply used to make it four).
    await waitForRootCard('Page updated · 3 edits');
  });

  it('step 4: View changes on the card opens Confluence’s comparison of the versions', async () => {
    const [diff] = await Promise.all([
      mia.waitForEvent('page'),
      // Adaptive Cards give an Action.OpenUrl the link role.
      rootCard().getByRole('link', { name: 'View changes' }).click(),
    ]);
    await diff.waitForLoadState();
    expect(new URL(diff.url()).pathname).toBe('/wiki/pages/diffpagesbyversion.action');
    await expect(diff.textContent('h1')).resolves.toBe('Compare versions');
    const changes = (await diff.textContent(id('diff'))) ?? '';
    expect(changes).toContain('last week of March');
    await saveScreenshot(diff, 'tour-4-view-changes');
  });
});
