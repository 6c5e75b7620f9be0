import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Browser, BrowserContext } from 'playwright-core';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { SLICE_PAGE_TITLE } from '../../dev/sandbox/first-slice';
import { TEAMS, person } from '../../dev/seed';
import type { ImportedMapping } from '../../src/domain/user-mapping';
import { TEST_IDS as T } from '../../static/settings-ui/src/testids';
import {
  appFrame,
  launchChromium,
  saveScreenshot,
  seriousAxeViolations,
  signedInContext,
} from '../support/browser';
import { startSandboxAfterFirstSlice } from '../support/sandbox-fixture';
import { SAMPLE_COUNTS, SAMPLE_EXPORT_PATH } from '../support/user-export-fixture';

/**
 * Issue 14 §1 as a site admin meets it: choose the sample of Atlassian's user export on the global
 * settings page, see the preview (matched, not found, ambiguous, inactive) with nothing saved,
 * confirm, see the imported mappings, remove one; a broken file is refused naming its line.
 */
jest.setTimeout(120_000);

const GLOBAL_PATH = '/wiki/admin/teams-global-settings';
const id = (testId: string) => `[data-testid="${testId}"]`;
const GENERAL = TEAMS[0].channels[0];

describe('the user-mapping import in Chromium', () => {
  let sandbox: Sandbox;
  let browser: Browser;
  const contexts: BrowserContext[] = [];
  const mappings = () =>
    Object.values(sandbox.forge.kvsDump().entities['user-mapping'] ?? {}).map(
      (row) => (row as { data: ImportedMapping }).data,
    );

  const open = async () => {
    const context = await signedInContext(browser, sandbox, person('ada'));
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${sandbox.confluence.url}${GLOBAL_PATH}`);
    const frame = await appFrame(page, id(T.userExportFile));
    return { page, frame };
  };

  beforeAll(async () => {
    sandbox = await startSandboxAfterFirstSlice();
    browser = await launchChromium();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
    await sandbox?.stop();
  });

  it('previews the sample export, saves it on Confirm, and removes one mapping', async () => {
    const { page, frame } = await open();
    await (await frame.$(id(T.userExportFile)))?.setInputFiles(SAMPLE_EXPORT_PATH);
    await frame.waitForSelector(id(T.confirmImport));

    for (const [outcome, count] of Object.entries(SAMPLE_COUNTS)) {
      expect(await frame.textContent(id(T.importCount(outcome)))).toContain(String(count));
    }
    const outcomes = await frame.$$eval(id(T.importPreviewRow), (rows) =>
      rows.map((row) => [
        row.querySelector('td:nth-child(3)')?.textContent,
        row.getAttribute('data-outcome'),
      ]),
    );
    expect(Object.fromEntries(outcomes)).toMatchObject({
      'mia@contoso.example': 'matched',
      'ivy@contoso.example': 'inactive',
      'pat@contoso.example': 'ambiguous',
      'nora@fabrikam.example': 'not-found',
      'dee@contoso.example': 'inactive',
    });
    expect(mappings()).toEqual([]);
    expect(await seriousAxeViolations(frame)).toEqual([]);
    await saveScreenshot(page, 'global-user-import-preview');

    await frame.click(id(T.confirmImport));
    await frame.waitForSelector(`${id(T.userImportMessage)} :text("Saved 5 people")`);
    expect(mappings()).toHaveLength(5);
    await frame.waitForSelector(id(T.userMappingRow));
    expect(await frame.$$(id(T.userMappingRow))).toHaveLength(5);

    const row = frame.locator(id(T.userMappingRow), { hasText: 'Mia Member' });
    await row.locator(id(T.removeUserMapping)).click();
    // Five rows become four: the fifth goes.
    await frame.locator(id(T.userMappingRow)).nth(4).waitFor({ state: 'detached' });
    expect(mappings().map((m) => m.accountId)).not.toContain(person('mia').accountId);
  });

  it('refuses a broken file with a message naming the line, and saves nothing', async () => {
    const before = mappings().length;
    const { frame } = await open();
    await (
      await frame.$(id(T.userExportFile))
    )?.setInputFiles({
      name: 'users.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('User id,User name,email\r\nabc,"Unclosed,abc@contoso.example\r\n'),
    });
    await frame.waitForSelector(`${id(T.userImportMessage)} :text("Line 2")`);
    expect(await frame.textContent(id(T.userImportMessage))).toContain('a quoted field is never closed');
    expect(await frame.$(id(T.confirmImport))).toBeNull();
    expect(mappings()).toHaveLength(before);
  });

  it('shows the card’s @mentions as mentions in the Teams view', async () => {
    const page = sandbox.confluence.findContent(SLICE_PAGE_TITLE);
    const vic = `<ac:link><ri:user ri:account-id="${person('vic').accountId}" /></ac:link>`;
    await sandbox.confluence.editPage(person('sam').accountId, page.id, {
      body: `<p>Review please, ${vic}.</p>`,
    });
    await sandbox.forge.idle({ timeoutMs: 30_000 });
    const context = await signedInContext(browser, sandbox, person('sam'));
    contexts.push(context);
    const teams = await context.newPage();
    await teams.goto(`${sandbox.microsoft.teamsViewUrl}?conversation=${encodeURIComponent(GENERAL.id)}`);
    const card = teams.locator(`${id('card')}:has-text("${SLICE_PAGE_TITLE}")`).last();
    await card.locator(id('card-mention')).first().waitFor();
    expect(await card.locator(id('card-mention')).allTextContents()).toEqual([
      'Sam Spaceadmin',
      'Vic Viewer',
    ]);
    expect(await card.textContent()).not.toContain('<at>');
    await saveScreenshot(teams, 'teams-card-mentions');
  });
});
