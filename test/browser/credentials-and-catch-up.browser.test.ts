import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core';
import { SURFACES, invokeOk } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { ENTRA_APP, TENANT, person, type SeedPerson } from '../../dev/seed';
import { TEST_IDS as T } from '../../static/settings-ui/src/testids';
import { appFrame, launchChromium, saveScreenshot, signedInContext } from '../support/browser';
import { startSandboxAfterFirstSlice } from '../support/sandbox-fixture';

/**
 * Issue 14 parts 2 and 3 as people meet them: the rule editor's "also send what changed since",
 * refused by the server next to the field for a day in the future; the expiry warning on the
 * pages a site admin opens (and not on anyone else's); the global page's connection overview.
 */
jest.setTimeout(120_000);

const SPACE_PATH = '/wiki/spaces/ENG/settings/apps/microsoft-teams';
const GLOBAL_PATH = '/wiki/admin/teams-global-settings';
const id = (testId: string) => `[data-testid="${testId}"]`;
const dayFromToday = (days: number): string =>
  new Date(Date.now() + days * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

describe('catch-up and expiring credentials in Chromium', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const [ada, sam] = [person('ada'), person('sam')];

  const open = async (who: SeedPerson, path: string, ready: string) => {
    const context = await signedInContext(browser, sandbox, who);
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${sandbox.confluence.url}${path}`);
    return { page, frame: await appFrame(page, id(ready)) };
  };
  const pick = async (page: Page, frame: Frame, picker: string, text: string) => {
    await frame.click(id(picker));
    await page.keyboard.type(text);
    await frame.waitForSelector(`${id(picker)} [role="option"]`);
    await page.keyboard.press('Enter');
  };

  beforeAll(async () => {
    // Ada maps the tenant, logs in and has a rule for ENG; her client secret now expires in 10 days.
    sandbox = await startSandboxAfterFirstSlice();
    browser = await launchChromium();
    await invokeOk(sandbox, ada, SURFACES.global, 'tenant/save', {
      tenantId: TENANT.id,
      clientId: ENTRA_APP.clientId,
      clientSecret: ENTRA_APP.clientSecret,
      secretExpiresOn: dayFromToday(10),
    });
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await sandbox?.stop();
  });

  it('warns Ada, a site admin, on the space page, and says nothing to Sam there', async () => {
    const { page, frame } = await open(ada, SPACE_PATH, T.rulesSection);
    await frame.waitForSelector(id(T.credentialExpiry));
    await expect(frame.textContent(id(T.credentialExpiry))).resolves.toMatch(
      /The Microsoft Entra client secret expires on .* in 10 days/,
    );
    await saveScreenshot(page, 'space-credential-expiry');
    const asSam = await open(sam, SPACE_PATH, T.rulesSection);
    // The warning's question goes out when the page starts, before the rules are asked for.
    await asSam.frame.waitForSelector(id(T.ruleList));
    expect(await asSam.frame.$(id(T.credentialExpiry))).toBeNull();
  });

  it('counts people on the global page', async () => {
    const { frame } = await open(ada, GLOBAL_PATH, T.connectionOverview);
    await frame.waitForSelector(id(`${T.connectionOverview}-connected`));
    await expect(frame.textContent(id(`${T.connectionOverview}-connected`))).resolves.toBe('1');
    await expect(frame.textContent(id(`${T.connectionOverview}-needs-login`))).resolves.toBe('0');
  });

  it('refuses a catch-up day in the future next to its field, then adds the rule with a valid one', async () => {
    const { page, frame } = await open(ada, SPACE_PATH, T.addRule);
    await frame.click(id(T.addRule));
    await frame.waitForSelector(id(T.ruleEditor));
    await frame.click(id(`${T.destinationKind('channel')}--radio-label`));
    await pick(page, frame, T.teamPicker, 'Engineering');
    await pick(page, frame, T.channelPicker, 'Releases');
    await frame.click(id(`${T.catchUpToggle}--checkbox-label`));
    await frame.fill(id(T.catchUpSince), dayFromToday(3));
    await frame.click(id(T.ruleSave));
    await frame.waitForSelector('#catch-up-since-error');
    await expect(frame.textContent('#catch-up-since-error')).resolves.toContain('The date is in the future');
    await saveScreenshot(page, 'rule-editor-catch-up-refused');

    await frame.fill(id(T.catchUpSince), dayFromToday(-3));
    expect(await frame.$('#catch-up-since-error')).toBeNull();
    await frame.click(id(T.ruleSave));
    await frame.waitForSelector(`${id(T.ruleList)}:has-text("Releases")`);
  });
});
