import { invokeOk, SURFACES } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { person } from '../../dev/seed';
import { watchConsumerTimers } from '../support/consumer-timers';
import {
  cardText,
  channel,
  deliveryRows,
  logInToTeams,
  mapTenant,
  messagesIn,
} from '../support/notification-fixture';
import { startPipelineSandbox } from '../support/pipeline-sandbox';

/**
 * Issue 15, target 2: no billed sleeping. A burst of changes to one channel is paced for Teams'
 * 4 requests per second by queue delays, not by sleeping in the consumer. Queue delays are not
 * scaled down here: the app's clock, the queue's delays and the simulator's per-channel window
 * all run in real time, as on Forge, so the limit means what it says (without pacing, this burst
 * meets 429s). Every queue message is delivered twice (the platform's at-least-once), the
 * messages put back for pacing included. About ten seconds.
 */
const PAGES = 5;

describe('pacing a burst to one channel by queue delays', () => {
  let sandbox: Sandbox;
  const ada = person('ada');
  const mia = person('mia');
  const general = channel('Engineering', 'General');
  const channelId = general.type === 'channel' ? general.channelId : '';
  /** Time consumer runs spent waiting on a timer: billed on Forge. */
  let asleepMs = 0;
  let stopWatching = () => undefined as void;

  beforeAll(async () => {
    sandbox = await startPipelineSandbox({
      delayScale: 1,
      forgeFaults: { duplicateRate: 1 },
    });
    await mapTenant(sandbox);
    await logInToTeams(sandbox, ada);
    await invokeOk(sandbox, ada, SURFACES.space('ENG'), 'rules/create', {
      scope: 'space',
      spaceKey: 'ENG',
      events: ['page_created', 'comment_created'],
      destination: general,
    });
    await sandbox.forge.idle({ timeoutMs: 20_000 });
    stopWatching = watchConsumerTimers((_id, ms) => {
      asleepMs += ms;
    });
    // Five new pages, then a comment on each: ten Teams requests to one channel at once.
    const pages = [];
    for (let n = 1; n <= PAGES; n += 1)
      pages.push(
        await sandbox.confluence.createPage(mia.accountId, {
          spaceKey: 'ENG',
          title: `Pacing note ${n}`,
          body: `<p>Note ${n}</p>`,
        }),
      );
    for (const [n, page] of pages.entries())
      await sandbox.confluence.addComment(mia.accountId, page.id, { body: `<p>Comment ${n + 1}</p>` });
    await sandbox.forge.idle({ timeoutMs: 60_000 });
  }, 120_000);
  afterAll(async () => {
    stopWatching();
    await sandbox.stop();
  });

  it('never sleeps in the consumer', () => {
    expect(asleepMs).toBe(0);
  });

  it('hands the sends that come too soon back to the queue with a delay', () => {
    const paced = sandbox.forge.logs.filter((l) => l.message.startsWith('Delivery paced'));
    expect(paced.length).toBeGreaterThan(0);
  });

  it('posts every card exactly once, each comment under its page’s card', () => {
    const messages = messagesIn(sandbox, general);
    const roots = messages.filter((m) => m.replyToId === null);
    for (let n = 1; n <= PAGES; n += 1) {
      const cards = roots.filter((m) => cardText(m).includes(`Pacing note ${n}`));
      expect(cards).toHaveLength(1);
      const replies = cards[0]?.replies ?? [];
      expect(replies.filter((r) => cardText(r).includes(`Comment ${n}`))).toHaveLength(1);
    }
    expect(deliveryRows(sandbox).filter((row) => row.status !== 'sent')).toEqual([]);
    expect(sandbox.forge.deadLetters).toEqual([]);
  });

  it('keeps within Teams’ 4 requests per second to the channel', () => {
    const toChannel = sandbox.microsoft
      .requests()
      .filter(
        (r) =>
          r.url.startsWith('/graph/') && r.url.includes(encodeURIComponent(channelId)) && r.method !== 'GET',
      );
    expect(toChannel.filter((r) => r.status === 429)).toEqual([]);
    const times = toChannel.map((r) => Date.parse(r.time)).sort((a, b) => a - b);
    const busiestSecond = Math.max(...times.map((t) => times.filter((u) => u >= t && u - t < 1000).length));
    expect(busiestSecond).toBeLessThanOrEqual(4);
    expect(times.length).toBeGreaterThanOrEqual(2 * PAGES);
  });
});
