import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext } from 'playwright-core';
import { person, type SeedPerson } from '../../dev/seed';
import { SURFACES, invokeOk, signInAtMicrosoft } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { TEST_IDS as T } from '../../static/settings-ui/src/testids';
import { appFrame, launchChromium, saveScreenshot, signedInContext } from '../support/browser';
import { startTestSandbox } from '../support/sandbox-fixture';
import { saveTenant } from '../support/notification-fixture';

/**
 * Issue 13, item 20: after the Microsoft sign-in, the personal page says which Microsoft account
 * was linked, and warns when its e-mail is not the person's Confluence e-mail. Nothing is refused.
 */
jest.setTimeout(120_000);

const PERSONAL_PATH = '/wiki/apps/microsoft-teams';
const id = (testId: string) => `[data-testid="${testId}"]`;

describe('which Microsoft account a sign-in linked, in Chromium', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  /** `who` logs in from the personal page and picks `atMicrosoft`'s account on Microsoft's page. */
  const logInAs = async (who: SeedPerson, atMicrosoft: SeedPerson): Promise<string> => {
    const context = await signedInContext(browser, sandbox, who);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${sandbox.confluence.url}${PERSONAL_PATH}?theme=light`);
    const frame = await appFrame(page, id(T.loginButton));
    const [tab] = await Promise.all([context.waitForEvent('page'), frame.click(id(T.loginButton))]);
    await tab.waitForLoadState();
    await tab.click(`button.account[value="${atMicrosoft.oid}"]`);
    const finished = await appFrame(tab, id(T.signInFinished));
    await saveScreenshot(tab, `sign-in-account-${who.key}-as-${atMicrosoft.key}`);
    return (await finished.textContent(id(T.signInFinished))) ?? '';
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    browser = await launchChromium();
    const ada = person('ada');
    await saveTenant(sandbox);
    const consent = await invokeOk(sandbox, ada, SURFACES.global, 'tenant/start-consent', {});
    expect((await signInAtMicrosoft(sandbox, consent.url, ada, { decision: 'accept' })).status).toBe(200);
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await sandbox?.stop();
  });

  it('names the account linked, without a warning, when the e-mails are the same', async () => {
    const text = await logInAs(person('vic'), person('vic'));
    expect(text).toMatch(/Connected to Microsoft Teams/);
    expect(text).toContain('Vic Viewer (vic@contoso.example)');
    expect(text).not.toMatch(/not your Confluence e-mail|could not check/i);
  });

  it('warns, and still links, when the Microsoft account has another e-mail', async () => {
    const text = await logInAs(person('mia'), person('rex'));
    expect(text).toContain('Rex Restricted (rex@contoso.example)');
    expect(text).toMatch(/not your Confluence e-mail.*mia@contoso\.example/);
    expect(text).toMatch(/Disconnect/);
    const connection = await invokeOk(sandbox, person('mia'), SURFACES.personal, 'connection/get', {});
    expect(connection).toMatchObject({ status: 'ok', upn: 'rex@contoso.example' });
  });
});
