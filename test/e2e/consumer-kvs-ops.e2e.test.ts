import { installPlatformMeter, type PlatformMeter } from '../../bench/platform-meter';
import { SLICE_PAGE_TITLE } from '../../dev/sandbox/first-slice';
import { SURFACES, invokeOk, signInAtMicrosoft } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import { graphRequests } from '../support/notification-fixture';
import { messagesMentioning, startSandboxAfterFirstSlice } from '../support/sandbox-fixture';

/** The consumer's KVS operations since the meter's reset, by kind and what they touched. */
const consumerOps = (meter: PlatformMeter) => meter.byFunction()['deliver']?.kvsByTarget ?? {};
const matching = (ops: Record<string, number>, pattern: RegExp) =>
  Object.entries(ops).filter(([target]) => pattern.test(target));

/**
 * Issue 15: a delivery reads everything it needs in one KVS batch (its row, the destination's
 * activity, the tenant mapping, its rule, its owner's connection and access token copy, the
 * author's connection and imported mapping for @mentions; for a personal card also the
 * recipient's preferences, held cards and chat, and the bot's token) and writes in one. No
 * secret is read while the access tokens' copies are valid; a duplicate reads its row and stops.
 */
describe('the consumer’s storage work per delivery (issue 15)', () => {
  const mia = person('mia');
  const sam = person('sam');

  describe('a channel card, its queue message delivered twice', () => {
    let sandbox: Sandbox;
    let meter: PlatformMeter;
    beforeAll(async () => {
      sandbox = await startSandboxAfterFirstSlice({ forgeFaults: { duplicateRate: 1 } });
      meter = installPlatformMeter();
    });
    afterAll(async () => {
      meter.uninstall();
      await sandbox.stop();
    });

    it('reads in one batch and writes in one; the copy reads its row and stops; one card', async () => {
      const [card] = messagesMentioning(sandbox, SLICE_PAGE_TITLE);
      const logged = sandbox.forge.logs.length;
      meter.reset();
      const page = sandbox.confluence.findContent(SLICE_PAGE_TITLE);
      await sandbox.confluence.editPage(mia.accountId, page.id, { body: '<p>Counted.</p>' });
      await sandbox.forge.idle({ timeoutMs: 20_000 });

      // The event and each queue message come twice: every copy of the delivery reads once. A
      // copy that finds it must wait for its turn (Teams' pace) stores its slot and comes back.
      const runs = sandbox.forge.logs
        .slice(logged)
        .filter((l) => /^Delivery /.test(l.message))
        .map((l) => l.message.split(' ')[1]);
      const paced = runs.filter((outcome) => outcome === 'paced').length;
      expect(runs.length).toBeGreaterThan(1);
      expect(runs.filter((outcome) => outcome !== 'paced').sort()).toEqual([
        ...Array<string>(runs.length - paced - 1).fill('already-done'),
        'sent',
      ]);
      const ops = consumerOps(meter);
      expect(Object.fromEntries(matching(ops, /delivery|^batchSet /))).toEqual({
        'batchGet connection+delivery+dest-activity+dest-card+ms-access+rule+tenant+user-mapping':
          runs.length,
        // The row, the activity (the page's card apart) and the event's mark in the ledger the
        // trigger reads: one call.
        'batchSet delivery+dest-activity+dest-card+event-queued': 1,
        ...(paced > 0 ? { 'batchSet dest-activity+dest-card': paced } : {}),
      });
      // Nothing read one key at a time, no secret; the rest is the personal audience's batches.
      expect(matching(ops, /^(get|secretGet|set) /)).toEqual([]);
      expect(messagesMentioning(sandbox, SLICE_PAGE_TITLE)).toHaveLength(1);
      const edits = graphRequests(sandbox, 'PATCH').filter((r) => r.url.includes(card?.id ?? '?'));
      expect(edits.filter((r) => r.status === 204)).toHaveLength(1);
    });
  });

  describe('a personal card into the bot’s chat', () => {
    let sandbox: Sandbox;
    let meter: PlatformMeter;
    beforeAll(async () => {
      sandbox = await startSandboxAfterFirstSlice();
      const login = await invokeOk(sandbox, sam, SURFACES.personal, 'connection/start-login', {});
      await signInAtMicrosoft(sandbox, login.url, sam);
      await sandbox.microsoft.botChannel.send({
        from: sam.oid,
        activity: { type: 'installationUpdate', action: 'add' },
      });
      await invokeOk(sandbox, sam, SURFACES.space('ENG'), 'rules/create', {
        scope: 'space',
        spaceKey: 'ENG',
        events: ['page_updated'],
        destination: { type: 'personal' },
        enabled: true,
      });
      await sandbox.forge.idle({ timeoutMs: 20_000 });
      meter = installPlatformMeter();
    });
    afterAll(async () => {
      meter.uninstall();
      await sandbox.stop();
    });

    it('reads the recipient’s preferences, chat and the bot’s token in the delivery’s one batch', async () => {
      const before = sandbox.microsoft.bot.activities(sam.oid).length;
      const logged = sandbox.forge.logs.length;
      meter.reset();
      const page = sandbox.confluence.findContent(SLICE_PAGE_TITLE);
      await sandbox.confluence.editPage(mia.accountId, page.id, { body: '<p>Personal, counted.</p>' });
      await sandbox.forge.idle({ timeoutMs: 20_000 });

      expect(sandbox.microsoft.bot.activities(sam.oid)).toHaveLength(before + 1);
      const ops = consumerOps(meter);
      expect(
        matching(ops, /^batchGet .*delivery/).map(([target, n]) => [target.split(' ')[1]?.split('+'), n]),
      ).toEqual(
        expect.arrayContaining([
          [
            expect.arrayContaining([
              'bot',
              'bot-connector-access',
              'conversation',
              'personal-digest',
              'prefs',
            ]),
            1,
          ],
        ]),
      );
      // Two deliveries (the channel's and Sam's chat): one write each (and a slot kept by a
      // channel delivery that waited for its turn), and nothing else one by one.
      const paced = sandbox.forge.logs.slice(logged).filter((l) => /^Delivery paced/.test(l.message)).length;
      expect(matching(ops, /^batchSet /).reduce((sum, [, n]) => sum + n, 0)).toBe(2 + paced);
      expect(matching(ops, /^(get|secretGet|set) /)).toEqual([]);
    });
  });
});
