import { SLICE_PAGE_TITLE } from '../../dev/sandbox/first-slice';
import { invokeOk, SURFACES } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import { cardText, deliveryRows, graphRequests } from '../support/notification-fixture';
import { messagesMentioning, startSandboxAfterFirstSlice, waitFor } from '../support/sandbox-fixture';

/**
 * A second edit of a page within ten minutes updates the card already posted (no flood), so
 * "once" here means: one Teams message per page, and one successful edit per version.
 */
const editsOfCard = (sandbox: Sandbox, messageId: string) =>
  graphRequests(sandbox, 'PATCH').filter((r) => r.url.includes(messageId) && r.status === 204);

describe('invariant 4: an event delivered twice, or a queue message retried, never gives a second Teams message', () => {
  describe('the same product event delivered twice', () => {
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await startSandboxAfterFirstSlice();
    });
    afterAll(() => sandbox.stop());

    it('posts once', async () => {
      const last = sandbox.confluence.events.at(-1);
      if (!last) throw new Error('no event was emitted');
      await sandbox.forge.emitProductEvent(last.eventType, last.payload);
      await sandbox.forge.emitProductEvent(last.eventType, last.payload);
      await sandbox.forge.idle({ timeoutMs: 10_000 });
      expect(messagesMentioning(sandbox, SLICE_PAGE_TITLE)).toHaveLength(1);
      expect(graphRequests(sandbox, 'POST').filter((r) => r.url.includes('/messages'))).toHaveLength(1);
    });
  });

  describe('every queue message and event delivered twice by the platform', () => {
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await startSandboxAfterFirstSlice({ forgeFaults: { duplicateRate: 1 } });
    });
    afterAll(() => sandbox.stop());

    it('shows each version once: one card, edited once for the next version', async () => {
      const [card] = messagesMentioning(sandbox, SLICE_PAGE_TITLE);
      if (!card) throw new Error('the first slice posted no card');
      const page = sandbox.confluence.findContent(SLICE_PAGE_TITLE);
      await sandbox.confluence.editPage(person('mia').accountId, page.id, { body: '<p>again</p>' });
      await sandbox.forge.idle({ timeoutMs: 10_000 });
      const messages = messagesMentioning(sandbox, SLICE_PAGE_TITLE);
      expect(messages).toHaveLength(1);
      expect(cardText(messages[0])).toContain('"value":"4"');
      expect(editsOfCard(sandbox, card.id)).toHaveLength(1);
    });
  });

  describe('a send throttled by Teams and retried through the queue', () => {
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await startSandboxAfterFirstSlice();
    });
    afterAll(() => sandbox.stop());

    it('arrives once after the retry', async () => {
      const [card] = messagesMentioning(sandbox, SLICE_PAGE_TITLE);
      sandbox.microsoft.faults.set({ rate429: 1, retryAfterSeconds: 2 });
      const page = sandbox.confluence.findContent(SLICE_PAGE_TITLE);
      await sandbox.confluence.editPage(person('mia').accountId, page.id, { body: '<p>throttled</p>' });
      await waitFor(() => sandbox.forge.logs.some((l) => /Delivery retry/.test(l.message)));
      sandbox.microsoft.faults.clear();
      await sandbox.forge.idle({ timeoutMs: 10_000 });
      expect(messagesMentioning(sandbox, SLICE_PAGE_TITLE)).toHaveLength(1);
      expect(editsOfCard(sandbox, card?.id ?? '')).toHaveLength(1);
      const rows = deliveryRows(sandbox);
      expect(rows.some((row) => row.status === 'sent' && row.attempts >= 2)).toBe(true);
    });
  });

  describe('a failed delivery retried from the delivery log (status retrying), the retry delivered twice', () => {
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await startSandboxAfterFirstSlice({ forgeFaults: { duplicateRate: 1 } });
    });
    afterAll(() => sandbox.stop());

    it('sends it once, and a finished row is not sent again', async () => {
      const [card] = messagesMentioning(sandbox, SLICE_PAGE_TITLE);
      sandbox.microsoft.faults.set({ rate503: 1, retryAfterSeconds: 1 });
      const page = sandbox.confluence.findContent(SLICE_PAGE_TITLE);
      await sandbox.confluence.editPage(person('mia').accountId, page.id, { body: '<p>outage</p>' });
      await sandbox.forge.idle({ timeoutMs: 20_000 });
      sandbox.microsoft.faults.clear();
      const failed = deliveryRows(sandbox).find((row) => row.status === 'failed');
      expect(failed?.reason).toMatch(/answered 503/);
      expect(editsOfCard(sandbox, card?.id ?? '')).toHaveLength(0);

      const logsBefore = sandbox.forge.logs.length;
      const entry = await invokeOk(sandbox, person('ada'), SURFACES.global, 'deliveries/retry', {
        key: failed?.key ?? '',
      });
      expect(entry.status).toBe('retrying');
      await sandbox.forge.idle({ timeoutMs: 10_000 });
      expect(deliveryRows(sandbox).find((row) => row.key === failed?.key)).toMatchObject({ status: 'sent' });
      expect(editsOfCard(sandbox, card?.id ?? '')).toHaveLength(1);
      expect(messagesMentioning(sandbox, SLICE_PAGE_TITLE)).toHaveLength(1);
      // The platform delivered the retried message twice: the copy that did not send found the
      // final row and stopped (a copy paced by a queue delay comes back and finds it too).
      const after = sandbox.forge.logs.slice(logsBefore).map((l) => l.message);
      expect(after.filter((m) => /^Delivery sent/.test(m))).toHaveLength(1);
      expect(after.filter((m) => /^Delivery already-done/.test(m)).length).toBeGreaterThanOrEqual(1);
      expect(after.filter((m) => /^Delivery (?!sent|already-done|paced)/.test(m))).toEqual([]);
    });
  });
});
