import { invokeOk } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import type { RuleView } from '../../src/contracts/rules';
import { adaptiveCardWarnings } from '../support/adaptive-card-parser';
import {
  cardText,
  channel,
  deliveryRows,
  logInToTeams,
  mapTenant,
  messagesIn,
  pageSurface,
} from '../support/notification-fixture';
import { startTestSandbox } from '../support/sandbox-fixture';

/**
 * Invariant 3: content a rule's owner cannot view is never sent by that rule. Rex follows
 * "Engineering home" and its child pages; Sam restricts one of them, "Release plan 2027", to
 * Ada, Sam and Mia, so Rex can no longer see it.
 */
describe('invariant 3: content a rule’s owner cannot view is never sent by that rule', () => {
  let sandbox: Sandbox;
  let rule: RuleView;
  const rex = person('rex');
  const RESTRICTED = 'Release plan 2027';
  const mia = person('mia');
  const general = channel('Engineering', 'General');
  const id = (title: string) => sandbox.confluence.findContent(title).id;
  const settle = () => sandbox.forge.idle({ timeoutMs: 15_000 });
  const edit = async (title: string, text: string) => {
    await sandbox.confluence.editPage(mia.accountId, id(title), { body: `<p>${text}</p>` });
    await settle();
  };
  const generalText = () => JSON.stringify(messagesIn(sandbox, general));

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    await mapTenant(sandbox);
    await sandbox.confluence.restrictContent(person('sam').accountId, id(RESTRICTED), {
      read: [person('ada'), person('sam'), person('mia')].map((p) => p.accountId),
    });
    await logInToTeams(sandbox, rex);
    const home = id('Engineering home');
    rule = await invokeOk(sandbox, rex, pageSurface(home), 'rules/create', {
      scope: 'content',
      contentId: home,
      includeDescendants: true,
      events: ['page_updated'],
      destination: general,
    });
  });
  afterAll(() => sandbox.stop());

  it('sends a page Rex can view under the page he follows (the control)', async () => {
    await edit('Architecture decisions', 'ADR index, reviewed.');
    expect(messagesIn(sandbox, general)).toHaveLength(1);
    expect(generalText()).toContain('Architecture decisions');
  });

  it('sends nothing for the restricted page, and the log does not show its title', async () => {
    const before = messagesIn(sandbox, general).length;
    await edit(RESTRICTED, 'Confidential: the launch slips to the VPN rollout.');
    expect(messagesIn(sandbox, general)).toHaveLength(before);
    expect(generalText()).not.toContain(RESTRICTED);
    expect(generalText()).not.toContain('VPN');
    const skipped = deliveryRows(sandbox).filter((row) => row.status === 'skipped');
    expect(skipped).toEqual([
      expect.objectContaining({
        ownerAccountId: rex.accountId,
        contentId: id(RESTRICTED),
        reason: 'The rule owner cannot view this content',
      }),
    ]);
    // The row keeps ids only: its owner's view check did not pass.
    expect(JSON.stringify(skipped)).not.toContain(RESTRICTED);
  });

  it('sends a redacted card when Rex sets the rule to redact: the space, nothing else', async () => {
    await invokeOk(sandbox, rex, pageSurface(id('Engineering home')), 'rules/update', {
      id: rule.id,
      version: rule.version,
      includeDescendants: true,
      restrictedContent: 'redact',
    });
    const before = messagesIn(sandbox, general).length;
    await edit(RESTRICTED, 'Confidential: the password for the launch demo.');
    const posted = messagesIn(sandbox, general);
    expect(posted).toHaveLength(before + 1);
    const redacted = posted.at(-1);
    expect(redacted?.from.oid).toBe(rex.oid);
    const text = cardText(redacted);
    expect(text).toContain('A page in ENG you cannot see here was updated.');
    for (const leak of [RESTRICTED, 'password', 'Mia', id(RESTRICTED), '/pages/'])
      expect(text).not.toContain(leak);
    expect(adaptiveCardWarnings(redacted?.attachments[0]?.card as object)).toEqual([]);
  });

  it('never puts the restricted title in anything sent to Teams', () => {
    const everything = JSON.stringify(sandbox.microsoft.messages());
    expect(everything).not.toContain(RESTRICTED);
    expect(everything).not.toContain('Confidential');
  });
});
