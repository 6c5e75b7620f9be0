import { runFirstSlice, SLICE_PAGE_TITLE } from '../../dev/sandbox/first-slice';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import { adaptiveCardWarnings } from '../support/adaptive-card-parser';
import { messagesMentioning, startTestSandbox } from '../support/sandbox-fixture';

describe('first slice: a page edit in Confluence arrives as a card in a Teams channel', () => {
  let sandbox: Sandbox;
  let slice: Awaited<ReturnType<typeof runFirstSlice>>;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    slice = await runFirstSlice(sandbox);
  });
  afterAll(() => sandbox.stop());

  it('posts one card to Engineering › General as the rule owner', () => {
    expect(slice.message).toBeDefined();
    expect(messagesMentioning(sandbox, SLICE_PAGE_TITLE)).toHaveLength(1);
    expect(JSON.stringify(slice.message)).toContain(person('ada').oid);
  });

  it('sends a valid Adaptive Card with title, space, author, version and an Open button', () => {
    const raw = JSON.stringify(slice.message);
    const cardJson = /"content":"(\{.*?\})"/.exec(raw);
    expect(cardJson).not.toBeNull();
    const card = JSON.parse(JSON.parse(`"${cardJson?.[1] ?? ''}"`)) as Record<string, unknown>;
    const text = JSON.stringify(card);
    expect(text).toContain(SLICE_PAGE_TITLE);
    expect(text).toContain('Engineering');
    expect(text).toContain(person('mia').displayName);
    expect(text).toContain('Moved the launch date');
    const open = (card.actions as Array<{ url: string }>)[0];
    expect(open?.url).toContain(`/pages/${slice.page.id}`);
    expect(adaptiveCardWarnings(card)).toEqual([]);
  });

  it('sends nothing for a minor edit', async () => {
    const before = sandbox.microsoft.messages().length;
    await sandbox.confluence.editPage(person('mia').accountId, slice.page.id, {
      body: '<p>typo</p>',
      minorEdit: true,
    });
    await sandbox.forge.idle({ timeoutMs: 10_000 });
    expect(sandbox.microsoft.messages()).toHaveLength(before);
  });

  it("sends nothing for the rule owner's own edit", async () => {
    const before = sandbox.microsoft.messages().length;
    await sandbox.confluence.editPage(person('ada').accountId, slice.page.id, { body: '<p>mine</p>' });
    await sandbox.forge.idle({ timeoutMs: 10_000 });
    expect(sandbox.microsoft.messages()).toHaveLength(before);
  });

  it('sends nothing to the channel for a page in another space', async () => {
    const before = sandbox.microsoft.messages().length;
    const page = sandbox.confluence.findContent('Launch checklist');
    await sandbox.confluence.editPage(person('mia').accountId, page.id, { body: '<p>MKT</p>' });
    await sandbox.forge.idle({ timeoutMs: 10_000 });
    expect(sandbox.microsoft.messages()).toHaveLength(before);
  });
});
