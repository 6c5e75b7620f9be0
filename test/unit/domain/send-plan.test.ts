import { afterHold, afterPost } from '../../../src/domain/activity-updates';
import {
  emptyActivity,
  type DestinationActivity,
  type HeldItem,
} from '../../../src/domain/destination-activity';
import {
  DEFAULT_FLOOD_SETTINGS,
  paceRequest,
  planSend,
  reserveSlot,
  type SendContext,
} from '../../../src/domain/send-plan';

const T0 = Date.parse('2026-11-22T10:00:00Z');
const MIN = 60_000;
const ctx = (minutes: number, overrides: Partial<SendContext> = {}): SendContext => ({
  event: { kind: 'page_updated', contentId: '1', version: 2 },
  eventTime: T0 + minutes * MIN,
  now: T0 + minutes * MIN,
  senderAccountId: 'owner',
  destinationType: 'channel',
  canEditMessages: true,
  ...overrides,
});
const posted = (activity: DestinationActivity, contentId: string, minutes: number) =>
  afterPost(activity, {
    contentId,
    card: {
      messageId: `m${contentId}`,
      postedAt: T0 + minutes * MIN,
      senderAccountId: 'owner',
      kind: 'page_updated',
      baseVersion: 1,
      version: 2,
      edits: 1,
    },
    now: T0 + minutes * MIN,
    ...DEFAULT_FLOOD_SETTINGS,
  });
const held = (minutes: number): HeldItem => ({
  deliveryKey: `k${minutes}`,
  senderAccountId: 'owner',
  kind: 'page_updated',
  contentType: 'page',
  spaceKey: 'ENG',
  title: 't',
  url: 'https://x',
  authorName: 'a',
  redacted: false,
  at: T0 + minutes * MIN,
});

describe('planSend', () => {
  const fiveCards = [0, 1, 2, 3, 4].reduce((a, n) => posted(a, String(100 + n), n), emptyActivity());

  it('starts a new burst window once the old one has passed', () => {
    expect(
      planSend(fiveCards, ctx(5, { event: { kind: 'page_created', contentId: '9', version: 1 } })),
    ).toMatchObject({
      action: 'hold',
      digestInMs: 5 * MIN,
    });
    expect(
      planSend(fiveCards, ctx(10, { event: { kind: 'page_created', contentId: '9', version: 1 } })),
    ).toEqual({ action: 'post' });
  });

  it('asks for one digest per window, and again when the scheduled one is long overdue', () => {
    const waiting = afterHold(fiveCards, held(5), true);
    const next = ctx(6, { event: { kind: 'page_created', contentId: '9', version: 1 } });
    expect(planSend(waiting, next)).toMatchObject({ action: 'hold', digestInMs: null });
    const lost = { ...waiting, burst: { startedAt: T0 + 30 * MIN, count: 5 } };
    expect(
      planSend(lost, ctx(31, { event: { kind: 'page_created', contentId: '9', version: 1 } })),
    ).toMatchObject({
      action: 'hold',
      digestInMs: 9 * MIN,
    });
  });

  it('counts a new UTC day from zero', () => {
    const busy = { ...emptyActivity(), day: { date: '2026-11-21', messages: 3000 } };
    expect(planSend(busy, ctx(0))).toEqual({ action: 'post' });
    expect(planSend({ ...busy, day: { date: '2026-11-22', messages: 3000 } }, ctx(0))).toMatchObject({
      action: 'hold',
      reason: 'daily-limit',
    });
  });

  it('does not count chats against the channel limit', () => {
    const busy = { ...emptyActivity(), day: { date: '2026-11-22', messages: 3000 } };
    expect(planSend(busy, ctx(0, { destinationType: 'chat' }))).toEqual({ action: 'post' });
  });

  it('paces requests 300 ms apart, waiting in whole seconds of queue delay', () => {
    const activity = { ...emptyActivity(), lastRequestAt: T0 };
    expect(paceRequest(activity, T0 + 100)).toEqual({ action: 'defer', slotAt: T0 + 300, delaySeconds: 1 });
    expect(paceRequest(activity, T0 + 300)).toEqual({ action: 'send' });
    expect(paceRequest(activity, T0 + 1000)).toEqual({ action: 'send' });
    expect(paceRequest(emptyActivity(), T0)).toEqual({ action: 'send' });
  });

  it('gives each waiting message its own slot, a gap after the last one promised', () => {
    let activity: DestinationActivity = { ...emptyActivity(), lastRequestAt: T0 };
    const slots = [];
    for (let n = 0; n < 7; n += 1) {
      const pacing = paceRequest(activity, T0 + 10 * n);
      if (pacing.action !== 'defer') throw new Error('expected a deferral');
      slots.push([pacing.slotAt - T0, pacing.delaySeconds]);
      activity = reserveSlot(activity, pacing.slotAt);
    }
    // Never more than four slots in one second of delay: Teams allows 4 requests per second.
    expect(slots).toEqual([
      [300, 1],
      [600, 1],
      [900, 1],
      [1200, 2],
      [1500, 2],
      [1800, 2],
      [2100, 3],
    ]);
    // Once the promised slots have passed, the next request goes at once.
    expect(paceRequest(activity, T0 + 2400)).toEqual({ action: 'send' });
  });

  it('keeps the latest promised slot when an earlier one is reserved again', () => {
    const activity = reserveSlot({ ...emptyActivity(), reservedSlotAt: T0 + 900 }, T0 + 300);
    expect(activity.reservedSlotAt).toBe(T0 + 900);
  });

  it('never asks for a queue delay past Forge’s 900 seconds', () => {
    const far = { ...emptyActivity(), reservedSlotAt: T0 + 3_600_000 };
    expect(paceRequest(far, T0)).toMatchObject({ action: 'defer', delaySeconds: 900 });
  });
});
