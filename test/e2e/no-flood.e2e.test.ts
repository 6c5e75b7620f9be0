import { runFirstSlice, SLICE_PAGE_TITLE } from '../../dev/sandbox/first-slice';
import { invokeOk, SURFACES } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import { adaptiveCardWarnings } from '../support/adaptive-card-parser';
import { cardText, channel, deliveryRows, graphRequests, messagesIn } from '../support/notification-fixture';
import { startSandboxAfterFirstSlice, startTestSandbox, waitFor } from '../support/sandbox-fixture';

/**
 * "No flood" end to end: the first slice's rule (ENG pages → Engineering › General, posted as
 * Ada) plus one for comments and labels to the same channel. The sandbox runs in real time, so
 * everything here happens well inside one ten-minute window; the digest's delay is scaled down.
 */
describe('no flood: one channel stays readable however busy Confluence is', () => {
  const ada = person('ada');
  const mia = person('mia');
  const general = channel('Engineering', 'General');
  const settle = (sandbox: Sandbox) => sandbox.forge.idle({ timeoutMs: 20_000 });
  const roots = (sandbox: Sandbox) => messagesIn(sandbox, general).filter((m) => m.replyToId === null);

  describe('edits, comments and labels on one page', () => {
    let sandbox: Sandbox;
    let cardId = '';
    const page = () => sandbox.confluence.findContent(SLICE_PAGE_TITLE);

    beforeAll(async () => {
      sandbox = await startTestSandbox();
      const slice = await runFirstSlice(sandbox);
      cardId = slice.message?.id ?? '';
      await invokeOk(sandbox, ada, SURFACES.space('ENG'), 'rules/create', {
        scope: 'space',
        spaceKey: 'ENG',
        events: ['comment_created', 'label_added'],
        destination: general,
      });
    });
    afterAll(() => sandbox.stop());

    it('updates the card already posted for repeated edits, showing the changes since it was posted', async () => {
      await sandbox.confluence.editPage(mia.accountId, page().id, {
        body: '<p>Launch moves to the third week of March.</p>',
      });
      await settle(sandbox);
      await sandbox.confluence.editPage(mia.accountId, page().id, {
        body: '<p>Launch moves to the last week of March.</p>',
      });
      await settle(sandbox);
      expect(roots(sandbox)).toHaveLength(1);
      const card = roots(sandbox)[0];
      expect(card?.id).toBe(cardId);
      const text = cardText(card);
      expect(text).toContain('Page updated · 3 edits');
      expect(text).toContain('last');
      expect(text).toContain(`selectedPageVersions=2&selectedPageVersions=${page().version}`);
      expect(adaptiveCardWarnings(card?.attachments[0]?.card as object)).toEqual([]);
      expect(graphRequests(sandbox, 'PATCH').filter((r) => r.status === 204)).toHaveLength(2);
    });

    it('posts a comment as a reply under the page’s card, with its text and author', async () => {
      await sandbox.confluence.addComment(mia.accountId, page().id, {
        body: '<p>Does the <b>beta</b> still ship?</p>',
      });
      await settle(sandbox);
      expect(roots(sandbox)).toHaveLength(1);
      const [reply] = roots(sandbox)[0]?.replies ?? [];
      const text = cardText(reply);
      expect(text).toContain('Does the beta still ship?');
      expect(text).toContain('Mia Member');
      expect(reply?.from.oid).toBe(ada.oid);
    });

    it('threads a new label under the card too', async () => {
      await sandbox.confluence.addLabel(mia.accountId, page().id, 'launch');
      await settle(sandbox);
      expect(roots(sandbox)).toHaveLength(1);
      expect(cardText(roots(sandbox)[0]?.replies.at(-1))).toContain('Label added: **launch**');
    });
  });

  describe('a burst of changes to many pages', () => {
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await startSandboxAfterFirstSlice();
    });
    afterAll(() => sandbox.stop());

    it('posts five cards, then one digest of the rest at the window’s end, within Teams’ limits', async () => {
      const titles = [
        'Engineering home',
        'Architecture decisions',
        'ADR-001: Use Forge',
        'Incident timeline',
      ];
      for (const title of titles) {
        const page = sandbox.confluence.findContent(title);
        await sandbox.confluence.editPage(mia.accountId, page.id, { body: `<p>${title}, reviewed.</p>` });
      }
      for (let n = 1; n <= 4; n += 1) {
        await sandbox.confluence.createPage(mia.accountId, {
          spaceKey: 'ENG',
          title: `Runbook ${n}`,
          body: `<p>Step ${n}</p>`,
        });
      }
      await settle(sandbox);
      await waitFor(() => roots(sandbox).length === 6, 15_000);
      await settle(sandbox);

      const posted = roots(sandbox);
      expect(posted).toHaveLength(6); // the first slice's card, four more, and one digest
      const digest = posted.at(-1);
      const digestText = cardText(digest);
      expect(digestText).toContain('Confluence · Digest');
      expect(digestText).toContain('4 more updates in the last 10 minutes');
      expect(adaptiveCardWarnings(digest?.attachments[0]?.card as object)).toEqual([]);
      const rows = deliveryRows(sandbox);
      expect(
        rows.filter((row) => row.reason === 'Sent in a digest' && row.messageId === digest?.id),
      ).toHaveLength(4);
      expect(rows.filter((row) => row.status !== 'sent')).toEqual([]);
      // Teams never had to throttle. Its per-second windows run as much faster as the queue's
      // delays here; pacing-by-queue-delays.e2e.test.ts checks the limit in real time.
      expect(graphRequests(sandbox).filter((r) => r.status === 429)).toEqual([]);
    });
  });
});
