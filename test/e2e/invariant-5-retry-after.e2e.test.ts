import { SLICE_PAGE_TITLE } from '../../dev/sandbox/first-slice';
import { invokeOk, SURFACES } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import { deliveryRows, graphRequests } from '../support/notification-fixture';
import {
  manualClock,
  messagesMentioning,
  startSandboxAfterFirstSlice,
  waitFor,
} from '../support/sandbox-fixture';

/** Invariant 5: a failed send is retried with the server's Retry-After, then recorded as failed and visible in the delivery log. */
describe('invariant 5: a failed send is retried after Retry-After, then recorded and listed', () => {
  const ada = person('ada');
  const mia = person('mia');
  const editSlicePage = async (sandbox: Sandbox, text: string) => {
    const page = sandbox.confluence.findContent(SLICE_PAGE_TITLE);
    await sandbox.confluence.editPage(mia.accountId, page.id, { body: `<p>${text}</p>` });
  };
  const messageSends = (sandbox: Sandbox) =>
    graphRequests(sandbox).filter((r) => r.method !== 'GET' && /\/messages/.test(r.url));

  describe('Teams answers 429 with Retry-After', () => {
    // Waits run at 1/20 of real time, so a 40 s Retry-After takes 2 s and is measurable.
    const DELAY_SCALE = 0.05;
    const RETRY_AFTER_SECONDS = 40;
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await startSandboxAfterFirstSlice({ delayScale: DELAY_SCALE });
    });
    afterAll(() => sandbox.stop());

    it('waits the server’s Retry-After through the queue, then sends once', async () => {
      sandbox.microsoft.faults.set({ rate429: 1, retryAfterSeconds: RETRY_AFTER_SECONDS });
      await editSlicePage(sandbox, 'Launch moves to April.');
      await waitFor(() => messageSends(sandbox).some((r) => r.status === 429));
      sandbox.microsoft.faults.clear();
      await sandbox.forge.idle({ timeoutMs: 20_000 });

      const sends = messageSends(sandbox);
      const throttled = sends.findIndex((r) => r.status === 429);
      const retried = sends.slice(throttled + 1).find((r) => r.status !== null && r.status < 300);
      expect(retried).toBeDefined();
      const waitedMs = Date.parse(retried?.time ?? '') - Date.parse(sends[throttled]?.time ?? '');
      expect(waitedMs).toBeGreaterThanOrEqual(RETRY_AFTER_SECONDS * 1000 * DELAY_SCALE * 0.95);
      expect(sends.slice(throttled + 1).filter((r) => r.status !== null && r.status < 300)).toHaveLength(1);
      expect(sandbox.forge.logs.some((l) => l.message === 'Delivery retry (attempt 1)')).toBe(true);
      expect(messagesMentioning(sandbox, SLICE_PAGE_TITLE)).toHaveLength(1);
      expect(deliveryRows(sandbox).find((row) => row.attempts === 2)).toMatchObject({ status: 'sent' });
    });
  });

  describe('Teams keeps failing', () => {
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await startSandboxAfterFirstSlice();
    });
    afterAll(() => sandbox.stop());

    it('records the failure with its reason after the last retry and lists it in the delivery log', async () => {
      sandbox.microsoft.faults.set({ rate503: 1, retryAfterSeconds: 1 });
      await editSlicePage(sandbox, 'Launch moves to May.');
      await sandbox.forge.idle({ timeoutMs: 20_000 });
      sandbox.microsoft.faults.clear();

      expect(messageSends(sandbox).filter((r) => r.status === 503)).toHaveLength(5);
      expect(sandbox.forge.deadLetters).toEqual([]);
      const failed = await invokeOk(sandbox, ada, SURFACES.global, 'deliveries/list', { status: 'failed' });
      expect(failed).toEqual([
        expect.objectContaining({
          status: 'failed',
          title: SLICE_PAGE_TITLE,
          attempts: 5,
          reason: 'Microsoft Teams answered 503 (ServiceNotAvailable); gave up after 5 attempts.',
        }),
      ]);
    });
  });

  describe('Microsoft refuses the refresh token (invalid_grant)', () => {
    const clock = manualClock(Date.now());
    let sandbox: Sandbox;
    beforeAll(async () => {
      sandbox = await startSandboxAfterFirstSlice({ clock: clock.now });
    });
    afterAll(() => sandbox.stop());

    it('pauses the owner’s rules (needs-login) and records why, without sending', async () => {
      sandbox.microsoft.revokeRefreshTokens(ada.oid);
      clock.advance(2 * 3600 * 1000); // Microsoft now refuses the access token as expired
      const before = messageSends(sandbox).filter((r) => r.status !== null && r.status < 300).length;
      await editSlicePage(sandbox, 'Launch moves to June.');
      await sandbox.forge.idle({ timeoutMs: 20_000 });

      const reason = "Ada Admin's Microsoft sign-in expired; their rules are paused until they log in again.";
      expect(deliveryRows(sandbox).find((row) => row.status === 'failed')).toMatchObject({ reason });
      const connection = await invokeOk(sandbox, ada, SURFACES.personal, 'connection/get', {});
      expect(connection).toMatchObject({ status: 'needs-login' });
      expect(messageSends(sandbox).filter((r) => r.status !== null && r.status < 300)).toHaveLength(before);
    });
  });
});
