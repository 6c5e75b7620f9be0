import { runFirstSlice, SLICE_PAGE_TITLE } from '../../dev/sandbox/first-slice';
import { invokeOk, SURFACES } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import { deliveryRows } from '../support/notification-fixture';
import { messagesMentioning, startTestSandbox } from '../support/sandbox-fixture';

/**
 * A delivery acts for its rule as the rule is when it runs. Teams refuses a card until the
 * delivery fails; Ada then deletes the rule and presses Retry: nothing is posted, and the log
 * says why (invariant 5: recorded, not dropped silently).
 */
describe('invariant 5: a retry after its rule was deleted posts nothing and is recorded as skipped', () => {
  const ada = person('ada');
  const mia = person('mia');
  const TEXT = 'Launch moves to June.';
  let sandbox: Sandbox;
  let ruleId: string;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    ruleId = (await runFirstSlice(sandbox)).rule.id;
    sandbox.microsoft.faults.set({ rate503: 1, retryAfterSeconds: 1 });
    const page = sandbox.confluence.findContent(SLICE_PAGE_TITLE);
    await sandbox.confluence.editPage(mia.accountId, page.id, { body: `<p>${TEXT}</p>` });
    await sandbox.forge.idle({ timeoutMs: 20_000 });
    sandbox.microsoft.faults.clear();
  });
  afterAll(() => sandbox.stop());

  it('skips the retried delivery, says why, and posts nothing', async () => {
    const [failed] = await invokeOk(sandbox, ada, SURFACES.global, 'deliveries/list', { status: 'failed' });
    expect(failed).toMatchObject({ status: 'failed', canRetry: true });
    await invokeOk(sandbox, ada, SURFACES.space('ENG'), 'rules/delete', { id: ruleId });

    await invokeOk(sandbox, ada, SURFACES.global, 'deliveries/retry', { key: failed.key });
    await sandbox.forge.idle({ timeoutMs: 20_000 });

    expect(messagesMentioning(sandbox, TEXT)).toEqual([]);
    expect(deliveryRows(sandbox).find((row) => row.key === failed.key)).toMatchObject({
      status: 'skipped',
      reason: 'The rule was deleted after this update was queued.',
    });
    const skipped = await invokeOk(sandbox, ada, SURFACES.global, 'deliveries/list', { status: 'skipped' });
    expect(skipped.map((entry) => entry.key)).toContain(failed.key);
    expect(sandbox.forge.deadLetters).toEqual([]);
  });
});
