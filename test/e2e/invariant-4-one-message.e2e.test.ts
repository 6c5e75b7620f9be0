import { runFirstSlice, SLICE_PAGE_TITLE } from '../../dev/sandbox/first-slice';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import { messagesMentioning, startTestSandbox, waitFor } from '../support/sandbox-fixture';

describe('invariant 4: an event delivered twice, or a queue message retried, never gives a second Teams message', () => {
  describe('the same product event delivered twice', () => {
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await startTestSandbox();
      await runFirstSlice(sandbox);
    });
    afterAll(() => sandbox.stop());

    it('posts once', async () => {
      const last = sandbox.confluence.events.at(-1);
      if (!last) throw new Error('no event was emitted');
      await sandbox.forge.emitProductEvent(last.eventType, last.payload);
      await sandbox.forge.emitProductEvent(last.eventType, last.payload);
      await sandbox.forge.idle({ timeoutMs: 10_000 });
      expect(messagesMentioning(sandbox, SLICE_PAGE_TITLE)).toHaveLength(1);
    });
  });

  describe('every queue message and event delivered twice by the platform', () => {
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await startTestSandbox({ forgeFaults: { duplicateRate: 1 } });
      await runFirstSlice(sandbox);
    });
    afterAll(() => sandbox.stop());

    it('posts each version once', async () => {
      expect(messagesMentioning(sandbox, SLICE_PAGE_TITLE)).toHaveLength(1);
      const page = sandbox.confluence.findContent(SLICE_PAGE_TITLE);
      await sandbox.confluence.editPage(person('mia').accountId, page.id, { body: '<p>again</p>' });
      await sandbox.forge.idle({ timeoutMs: 10_000 });
      expect(messagesMentioning(sandbox, SLICE_PAGE_TITLE)).toHaveLength(2);
    });
  });

  describe('a send throttled by Teams and retried through the queue', () => {
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await startTestSandbox();
      await runFirstSlice(sandbox);
    });
    afterAll(() => sandbox.stop());

    it('arrives once after the retry', async () => {
      sandbox.microsoft.faults.set({ rate429: 1, retryAfterSeconds: 2 });
      const page = sandbox.confluence.findContent(SLICE_PAGE_TITLE);
      await sandbox.confluence.editPage(person('mia').accountId, page.id, { body: '<p>throttled</p>' });
      await waitFor(() => sandbox.forge.logs.some((l) => /Delivery retry/.test(l.message)));
      sandbox.microsoft.faults.clear();
      await sandbox.forge.idle({ timeoutMs: 10_000 });
      expect(messagesMentioning(sandbox, SLICE_PAGE_TITLE)).toHaveLength(2);
      const rows = Object.values(sandbox.forge.kvsDump().entities['delivery'] ?? {}) as Array<{
        data: { status: string; attempts: number };
      }>;
      expect(rows.some((row) => row.data.status === 'sent' && row.data.attempts >= 2)).toBe(true);
    });
  });
});
