import { runFirstSlice, SLICE_PAGE_TITLE } from '../../dev/sandbox/first-slice';
import { invokeAs, invokeOk, SURFACES } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import { channel } from '../support/notification-fixture';
import { startTestSandbox } from '../support/sandbox-fixture';

/**
 * Issue 9, item 2: the app's storage keys hold Confluence data (a label is part of an event's
 * de-duplication key and of its delivery's key). Escaped character by character, "éa" and "ບ"
 * made one key, so the second label was dropped as a duplicate, and a label of 94 CJK
 * characters made a key past Forge's 500 characters, so its event failed on every try.
 */
describe('invariant 5: a label event is not lost to the storage key its label makes', () => {
  let sandbox: Sandbox;
  const ada = person('ada');
  const mia = person('mia');
  const releases = channel('Engineering', 'Releases');
  const releasesId = releases.type === 'channel' ? releases.channelId : '';
  const LONG_LABEL = '中文标签'.repeat(24).slice(0, 94);

  /** Teams messages (roots and replies) in Releases whose own card says `label` was added. */
  const labelMessages = (label: string) =>
    sandbox.microsoft
      .messages()
      .filter(
        (m) =>
          m.conversationId === releasesId &&
          JSON.stringify(m.attachments).includes(`Label added: **${label}**`),
      );
  const addLabel = async (label: string) => {
    await sandbox.confluence.addLabel(
      mia.accountId,
      sandbox.confluence.findContent(SLICE_PAGE_TITLE).id,
      label,
    );
    await sandbox.forge.idle({ timeoutMs: 20_000 });
  };

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    await runFirstSlice(sandbox);
    await invokeOk(sandbox, ada, SURFACES.space('ENG'), 'rules/create', {
      scope: 'space',
      spaceKey: 'ENG',
      events: ['label_added'],
      destination: releases,
    });
  }, 60_000);
  afterAll(() => sandbox.stop());

  it('gives two labels that escaped alike ("éa", then "ບ") a message each', async () => {
    await addLabel('éa');
    await addLabel('ບ');
    expect([labelMessages('éa').length, labelMessages('ບ').length]).toEqual([1, 1]);
  });

  it('gives a label of 94 CJK characters its message, and a delivery log line that finds its row', async () => {
    await addLabel(LONG_LABEL);
    expect(labelMessages(LONG_LABEL)).toHaveLength(1);
    expect(sandbox.forge.deadLetters).toEqual([]);
    // The log shows the delivery's own key; deliveries/retry finds the row by it (a sent row
    // is not retried: "conflict", where a key that found nothing would say "not_found").
    const log = await invokeOk(sandbox, ada, SURFACES.global, 'deliveries/list', {});
    const line = log.find((entry) => entry.key.includes(LONG_LABEL));
    expect(line).toMatchObject({ status: 'sent' });
    const retried = await invokeAs(sandbox, ada, SURFACES.global, 'deliveries/retry', {
      key: line?.key ?? '',
    });
    expect(retried).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });
});
