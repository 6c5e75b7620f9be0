import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { strFromU8, unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Frame } from 'playwright-core';
import { SURFACES, invokeAs } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { ENTRA_APP, person } from '../../dev/seed';
import { TEST_IDS as T } from '../../static/settings-ui/src/testids';
import { appFrame, launchChromium, saveScreenshot, signedInContext } from '../support/browser';
import { startSandboxAfterFirstSlice, waitFor } from '../support/sandbox-fixture';

/**
 * The global settings' "Teams app" section as a site admin meets it (issue 11 §2): the bot's
 * messaging endpoint to paste, the package downloaded as a zip, a test message that reaches the
 * admin's 1:1 chat once the app is added in Teams, a separate bot saved, and a past expiry refused
 * by the server with nothing stored.
 */
jest.setTimeout(120_000);

const GLOBAL_PATH = '/wiki/admin/teams-global-settings';
const id = (testId: string) => `[data-testid="${testId}"]`;
const SEPARATE_BOT = 'b0b0b0b0-1111-4222-8333-444455556666';

const dayFromToday = (days: number): string =>
  new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

describe('the Teams app section in Chromium', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const ada = person('ada');

  const open = async (theme: 'light' | 'dark' = 'light') => {
    const context = await signedInContext(browser, sandbox, ada, { colorScheme: theme });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${sandbox.confluence.url}${GLOBAL_PATH}?theme=${theme}`);
    const frame = await appFrame(page, id(T.teamsAppSection));
    await frame.waitForSelector(id(T.botEndpoint));
    return { context, page, frame };
  };
  const fieldError = async (frame: Frame, inputId: string) =>
    (await frame.$(`#${inputId}-error`))?.textContent() ?? null;

  beforeAll(async () => {
    // Ada maps the tenant, grants consent and logs in to Microsoft Teams.
    sandbox = await startSandboxAfterFirstSlice();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await sandbox?.stop();
  });

  it('shows the bot’s messaging endpoint to paste, with a copy button, after the tenant section', async () => {
    const { page, frame } = await open();
    expect(await frame.textContent(id(T.botEndpoint))).toBe(sandbox.forge.webTriggerUrl('bot-messages'));
    expect(await frame.textContent(id(T.botIdShown))).toBe(ENTRA_APP.clientId);
    const sections = await frame.$$eval('[data-testid$="-section"]', (els) =>
      els.map((el) => el.getAttribute('data-testid')),
    );
    expect(sections.indexOf(T.teamsAppSection)).toBe(sections.indexOf(T.tenantSection) + 1);
    await frame.click(id(T.copyBotEndpoint));
    await frame.waitForSelector(`${id(T.copyBotEndpoint)}:has-text("Copied")`);
    for (const theme of ['light', 'dark'] as const) {
      const view = await open(theme);
      await saveScreenshot(view.page, `global-teams-app-${theme}`);
    }
    await page.close();
  });

  it('downloads the Teams app package as a zip naming the site’s bot, and shows its app id and version', async () => {
    const { page, frame } = await open();
    const [download] = await Promise.all([page.waitForEvent('download'), frame.click(id(T.downloadPackage))]);
    expect(download.suggestedFilename()).toMatch(/^teams-for-confluence-.+-1\.0\.0\.zip$/);
    const path = await download.path();
    const files = unzipSync(new Uint8Array(readFileSync(path)));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as {
      id: string;
      version: string;
      bots: { botId: string }[];
    };
    expect(manifest.bots[0]?.botId).toBe(ENTRA_APP.clientId);
    const details = await frame.waitForSelector(id(T.packageDetails));
    expect(await details.textContent()).toContain(manifest.id);
    expect(await details.textContent()).toContain('1.0.0');
  });

  it('asks the admin to add the app in Teams first, then sends the test message to their 1:1 chat', async () => {
    const { page, frame } = await open();
    await frame.click(id(T.sendTestMessage));
    await frame.waitForSelector(`${id(T.testMessageResult)} ${id(T.errorMessage)}`);
    expect(await frame.textContent(id(T.testMessageResult))).toMatch(/Add the app in Microsoft Teams first/);
    await saveScreenshot(page, 'global-teams-app-test-message-app-not-added');

    // Ada adds the app in Teams: Teams tells the bot, which keeps the 1:1 conversation.
    const added = await sandbox.microsoft.botChannel.send({
      from: ada.oid,
      activity: { type: 'installationUpdate', action: 'add' },
    });
    expect(added.status).toBe(200);
    await sandbox.forge.idle({ timeoutMs: 30_000 });
    const before = sandbox.microsoft.bot.activities(ada.oid).length;

    await frame.click(id(T.sendTestMessage));
    await frame.waitForSelector(`${id(T.testMessageResult)} :text("on its way")`);
    await sandbox.forge.idle({ timeoutMs: 30_000 });
    await waitFor(() => sandbox.microsoft.bot.activities(ada.oid).length > before);
    const sent = sandbox.microsoft.bot.activities(ada.oid).slice(before);
    expect(sent).toHaveLength(1);
    expect(JSON.stringify(sent[0]?.card)).toContain('Test message');

    // The health line now has the request Teams sent.
    const again = await open();
    expect(await again.frame.textContent(id(T.botHealth))).not.toMatch(/None yet/);
    await saveScreenshot(again.page, 'global-teams-app-test-message-sent');
  });

  it('refuses a bot secret expiry in the past on the server, per field, and stores nothing', async () => {
    const { page, frame } = await open();
    await frame.click(id(`${T.botKind('separate')}--radio-label`));
    await frame.fill(id(T.botId), SEPARATE_BOT);
    await frame.fill(id(T.botSecret), 'separate-bot-secret');
    await frame.fill(id(T.botSecretExpiresOn), dayFromToday(-2));
    await frame.click(id(T.botSave));
    await frame.waitForSelector('#bot-secret-expires-on-error');
    expect(await fieldError(frame, 'bot-secret-expires-on')).toMatch(/passed/);
    expect(await fieldError(frame, 'bot-id')).toBeNull();
    expect(await frame.textContent(id(T.botMessage))).toMatch(/not saved/);
    const kvs = sandbox.forge.kvsDump();
    expect(Object.keys(kvs.keys)).not.toContain('bot');
    expect(kvs.secretKeys).not.toContain('bot-client-secret');
    await saveScreenshot(page, 'global-teams-app-past-expiry-refused');

    // The resolver refuses it too, without the form's own check in front of it.
    const answer = await invokeAs(sandbox, ada, SURFACES.global, 'teams-app/save-bot', {
      kind: 'separate',
      botId: SEPARATE_BOT,
      botSecret: 'separate-bot-secret',
      secretExpiresOn: dayFromToday(-1),
    });
    expect(answer.ok ? 'saved' : answer.error.fieldErrors).toEqual({
      secretExpiresOn: expect.stringMatching(/passed/),
    });
    expect(Object.keys(sandbox.forge.kvsDump().keys)).not.toContain('bot');
  });

  it('saves a separate bot id from Developer Portal, its secret write-only, and the package names it', async () => {
    const { page, frame } = await open();
    await frame.click(id(`${T.botKind('separate')}--radio-label`));
    await frame.fill(id(T.botId), SEPARATE_BOT.toUpperCase());
    await frame.fill(id(T.botSecret), 'separate-bot-secret');
    await frame.fill(id(T.botSecretExpiresOn), dayFromToday(90));
    await frame.click(id(T.botSave));
    await frame.waitForSelector(`${id(T.botMessage)} :text("Bot saved")`);
    expect(await frame.textContent(id(T.botIdShown))).toBe(SEPARATE_BOT);
    expect(await frame.inputValue(id(T.botSecret))).toBe('');
    await frame.waitForSelector(id(T.botSecretStored));
    expect(await frame.textContent(id(T.botSecretExpiry))).toMatch(/Expires on/);
    expect(sandbox.forge.kvsDump().secretKeys).toContain('bot-client-secret');
    await saveScreenshot(page, 'global-teams-app-separate-bot');

    const [download] = await Promise.all([page.waitForEvent('download'), frame.click(id(T.downloadPackage))]);
    const files = unzipSync(new Uint8Array(readFileSync(await download.path())));
    const manifest = JSON.parse(strFromU8(files['manifest.json'] ?? new Uint8Array())) as {
      version: string;
      bots: { botId: string }[];
    };
    expect(manifest.bots[0]?.botId).toBe(SEPARATE_BOT);
    expect(manifest.version).toBe('1.0.1');
  });

  it('turns link previews off for the site and on again; the switch shows what the server kept', async () => {
    const { frame } = await open();
    const switchInput = id(`${T.linkPreviewsSwitch}--input`);
    const kept = () => (sandbox.forge.kvsDump().keys.tenant as { linkPreviews?: boolean }).linkPreviews;
    expect(await frame.isChecked(switchInput)).toBe(true);
    await frame.click('label[for="link-previews"]');
    await waitFor(() => kept() === false);
    await frame.waitForSelector(`${switchInput}:not(:checked)`, { state: 'attached' });
    await frame.click('label[for="link-previews"]');
    await waitFor(() => kept() === undefined);
  });
});
