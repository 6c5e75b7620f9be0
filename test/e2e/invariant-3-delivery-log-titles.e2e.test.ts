import { invokeOk, SURFACES } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import { channel, logInToTeams, mapTenant, messagesIn, pageSurface } from '../support/notification-fixture';
import { startTestSandbox } from '../support/sandbox-fixture';

/**
 * Invariant 3 in the delivery log: a line shows the content's title only to someone who can view
 * the content now, checked as the person reading the log. Rex follows "Architecture decisions";
 * after a card went out, Mia restricts the page to herself, and Rex's log no longer names it.
 */
describe('invariant 3: the delivery log shows a title only to someone who can view the content', () => {
  let sandbox: Sandbox;
  const rex = person('rex');
  const mia = person('mia');
  const PAGE = 'Architecture decisions';
  const general = channel('Engineering', 'General');
  const id = () => sandbox.confluence.findContent(PAGE).id;
  const rexLog = () => invokeOk(sandbox, rex, SURFACES.personal, 'deliveries/list', {});

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    await mapTenant(sandbox);
    await logInToTeams(sandbox, rex);
    await invokeOk(sandbox, rex, pageSurface(id()), 'rules/create', {
      scope: 'content',
      contentId: id(),
      events: ['page_updated'],
      destination: general,
    });
    await sandbox.confluence.editPage(mia.accountId, id(), { body: '<p>ADR index, reviewed.</p>' });
    await sandbox.forge.idle({ timeoutMs: 15_000 });
  });
  afterAll(() => sandbox.stop());

  it('names the page to its rule owner while he can view it (the control)', async () => {
    expect(messagesIn(sandbox, general)).toHaveLength(1);
    expect(await rexLog()).toEqual([
      expect.objectContaining({ status: 'sent', contentId: id(), title: PAGE }),
    ]);
  });

  it('shows "Restricted content" instead of the title once he cannot view it', async () => {
    await sandbox.confluence.restrictContent(mia.accountId, id(), { read: [mia.accountId] });
    const log = await rexLog();
    expect(log).toEqual([
      expect.objectContaining({ status: 'sent', contentId: id(), title: 'Restricted content' }),
    ]);
    expect(JSON.stringify(log)).not.toContain(PAGE);
  });
});
