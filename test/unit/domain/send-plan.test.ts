import { afterHold, afterPost } from '../../../src/domain/activity-updates';
import {
  emptyActivity,
  type DestinationActivity,
  type HeldItem,
} from '../../../src/domain/destination-activity';
import {
  DEFAULT_FLOOD_SETTINGS,
  pacingDelayMs,
  planSend,
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

  it('paces requests 300 ms apart', () => {
    const activity = { ...emptyActivity(), lastRequestAt: T0 };
    expect(pacingDelayMs(activity, T0 + 100)).toBe(200);
    expect(pacingDelayMs(activity, T0 + 1000)).toBe(0);
    expect(pacingDelayMs(activity, T0 - 60_000)).toBe(300);
  });
});
