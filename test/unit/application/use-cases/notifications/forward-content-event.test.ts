import { forwardContentEvent } from '../../../../../src/application/use-cases/notifications/forward-content-event';
import { eventDedupKey } from '../../../../../src/domain/content-event';
import { DEFAULT_FILTERS, type Rule } from '../../../../../src/domain/rule';
import {
  aCommentCreatedPayload,
  aLabelAddedPayload,
  aPageUpdatedPayload,
  aRule,
  madeInOrder,
} from '../../../../support/builders';
import { fakeLedger, fakeQueue, fakeRuleStore, recordingAppView } from '../../../../support/fakes';

const depsWith = (rules: Rule[], appView = recordingAppView()) => ({
  rules: fakeRuleStore(rules),
  ledger: fakeLedger(),
  queue: fakeQueue(),
  routeBuilds: { request: async () => undefined },
  appView,
});
const chat = (id: string) => ({ type: 'chat' as const, chatId: `19:${id}@thread.v2`, chatName: id });
const pageRule = (contentId: string, extra: Partial<Rule> = {}) =>
  aRule({ scope: 'content', scopeKey: `content:${contentId}`, spaceKey: 'ENG', ...extra });

describe('forwardContentEvent', () => {
  it('queues one delivery per destination for the global, space and page rules the event touches', async () => {
    const deps = depsWith(
      madeInOrder([
        aRule({ scopeKey: 'space:ENG' }),
        aRule({ scope: 'global', scopeKey: 'global' }),
        pageRule('65601', { destination: chat('page') }),
        pageRule('99999', { destination: chat('other-page') }),
        aRule({ scopeKey: 'space:MKT', destination: chat('mkt') }),
      ]),
    );
    expect(await forwardContentEvent(deps, aPageUpdatedPayload())).toEqual({ kind: 'queued', deliveries: 2 });
    expect(deps.queue.enqueued().map((d) => [d.destination.type, d.senders.length])).toEqual([
      ['channel', 2],
      ['chat', 1],
    ]);
    expect(deps.appView.questionsAsked()).toEqual([]);
  });

  it('invariant 5: an invocation cut off before its queue push leaves the event to the platform’s retry', async () => {
    // The push never answers: the invocation times out there, and nothing after it runs.
    const deps = { ...depsWith([aRule()]), queue: { enqueue: () => new Promise<void>(() => undefined) } };
    void forwardContentEvent(deps, aPageUpdatedPayload());
    await new Promise((resolve) => setImmediate(resolve));
    const retry = { ...deps, queue: fakeQueue() };
    expect(await forwardContentEvent(retry, aPageUpdatedPayload())).toEqual({
      kind: 'queued',
      deliveries: 1,
    });
    expect(retry.queue.enqueued()).toHaveLength(1);
  });

  it('drops a delivery of an event the consumer has marked as handled', async () => {
    const deps = depsWith([aRule()]);
    await forwardContentEvent(deps, aPageUpdatedPayload());
    const [queued] = deps.queue.enqueued();
    if (queued) await deps.ledger.markQueued(eventDedupKey(queued.event));
    expect(await forwardContentEvent(deps, aPageUpdatedPayload())).toEqual({ kind: 'duplicate' });
    expect(deps.queue.enqueued()).toHaveLength(1);
  });

  it('invariant 5: a retry the trigger asked for after a failure does not take the ledger’s word for it', async () => {
    // An earlier run may have pushed part of the event (more than one push) before failing, and
    // a consumer marked it handled since: the rest must still go out; the delivery rows dedupe.
    const deps = depsWith([aRule()]);
    await forwardContentEvent(deps, aPageUpdatedPayload());
    const [queued] = deps.queue.enqueued();
    if (queued) await deps.ledger.markQueued(eventDedupKey(queued.event));
    expect(await forwardContentEvent(deps, aPageUpdatedPayload(), { trustLedger: false })).toEqual({
      kind: 'queued',
      deliveries: 1,
    });
  });

  it('invariant 4: a second delivery before the consumer has marked the event is queued again under the same keys', async () => {
    // The trigger writes nothing (two round trips: read, push); the consumer's delivery row for
    // each key makes the second push send nothing more.
    const deps = depsWith([aRule()]);
    await forwardContentEvent(deps, aPageUpdatedPayload());
    expect(await forwardContentEvent(deps, aPageUpdatedPayload())).toEqual({ kind: 'queued', deliveries: 1 });
    const [first, second] = deps.queue.enqueued().map((d) => d.deliveryKey);
    expect([deps.queue.enqueued().length, first]).toEqual([2, second]);
    expect(deps.ledger.queuedEventCount()).toBe(0);
  });

  it('fails when queueing fails, so the platform’s retry queues the event', async () => {
    const deps = { ...depsWith([aRule()]), queue: fakeQueue(new Error('rate limited')) };
    await expect(forwardContentEvent(deps, aPageUpdatedPayload())).rejects.toThrow('rate limited');
    expect(await forwardContentEvent({ ...deps, queue: fakeQueue() }, aPageUpdatedPayload())).toEqual({
      kind: 'queued',
      deliveries: 1,
    });
  });

  it('fails when the rule query fails, and queues nothing', async () => {
    const deps = depsWith([aRule()]);
    deps.rules.listForEvent = () => Promise.reject(new Error('KVS unavailable'));
    await expect(forwardContentEvent(deps, aPageUpdatedPayload())).rejects.toThrow('KVS unavailable');
    expect(deps.queue.enqueued()).toEqual([]);
  });

  it('marks nothing for an event nobody wants: a redelivery matches it again, to nothing', async () => {
    // A minor edit ("don't notify watchers") gives no personal card either.
    const deps = depsWith([aRule({ events: ['page_created'] })]);
    const minorEdit = aPageUpdatedPayload({ suppressNotifications: true });
    expect(await forwardContentEvent(deps, minorEdit)).toEqual({ kind: 'queued', deliveries: 0 });
    expect(deps.ledger.queuedEventCount()).toBe(0);
    expect(deps.queue.personalSides()).toEqual([]);
  });

  it('queues the personal side of a page update no rule wants: watchers and mentions are the consumer’s to find', async () => {
    const deps = depsWith([aRule({ events: ['page_created'] })]);
    expect(await forwardContentEvent(deps, aPageUpdatedPayload())).toEqual({ kind: 'queued', deliveries: 0 });
    expect(deps.queue.personalSides()).toEqual([
      { event: expect.objectContaining({ kind: 'page_updated', contentId: '65601' }), ruleSenders: [] },
    ]);
  });

  it('hands a "me personally" rule to the personal side instead of a delivery of its own', async () => {
    const mine = aRule({ ownerAccountId: 'mia', destination: { type: 'personal' } });
    const deps = depsWith([mine, aRule({ destination: chat('team') })]);
    expect(await forwardContentEvent(deps, aPageUpdatedPayload())).toEqual({ kind: 'queued', deliveries: 1 });
    expect(deps.queue.enqueued().map((d) => d.destination.type)).toEqual(['chat']);
    expect(deps.queue.personalSides()[0]?.ruleSenders).toEqual([
      expect.objectContaining({ ruleId: mine.id, ownerAccountId: 'mia' }),
    ]);
  });

  it('issue 9: queues a new page published with "don’t notify watchers" under the default skip-minor-edits filter', async () => {
    const deps = depsWith([aRule({ events: ['page_created', 'page_updated'] })]);
    const created = aPageUpdatedPayload({
      eventType: 'avi:confluence:created:page',
      suppressNotifications: true,
      content: { ...aPageUpdatedPayload().content, version: { number: 1 } },
    });
    const minorEdit = aPageUpdatedPayload({ suppressNotifications: true });
    expect(await forwardContentEvent(deps, created)).toEqual({ kind: 'queued', deliveries: 1 });
    expect(await forwardContentEvent(deps, minorEdit)).toEqual({ kind: 'queued', deliveries: 0 });
  });

  it('ignores a payload it cannot read, and says why', async () => {
    const deps = depsWith([]);
    expect(await forwardContentEvent(deps, { eventType: 'avi:confluence:updated:page' })).toMatchObject({
      kind: 'ignored',
    });
    expect(deps.ledger.queuedEventCount()).toBe(0);
  });
});

describe('forwardContentEvent: labels and descendants, left to the consumer', () => {
  const labelled = (filters: Partial<Rule['filters']>, extra: Partial<Rule> = {}) =>
    aRule({ filters: { ...DEFAULT_FILTERS, ...filters }, ...extra });

  it('queues rules that filter on labels with their label check, without reading Confluence', async () => {
    const deps = depsWith([
      labelled({ labelsAny: ['release'] }),
      labelled({ labelsNone: ['release'] }, { destination: chat('quiet') }),
    ]);
    expect(await forwardContentEvent(deps, aPageUpdatedPayload())).toEqual({ kind: 'queued', deliveries: 2 });
    expect(deps.queue.enqueued().map((d) => d.senders[0]?.check)).toEqual([
      { labels: { labelsAny: ['release'], labelsAll: [], labelsNone: [] } },
      { labels: { labelsAny: [], labelsAll: [], labelsNone: ['release'] } },
    ]);
    expect(deps.appView.questionsAsked()).toEqual([]);
  });

  it('decides on the labels a label event carries', async () => {
    const deps = depsWith([
      labelled({ labelsAny: ['eng'] }, { events: ['label_added'] }),
      labelled({ labelsAny: ['ops'] }, { events: ['label_added'], destination: chat('ops') }),
    ]);
    expect(await forwardContentEvent(deps, aLabelAddedPayload())).toEqual({ kind: 'queued', deliveries: 1 });
    expect(deps.queue.enqueued()[0]?.senders[0]?.check).toBeUndefined();
  });

  it('queues a page rule that covers descendants with the page the content must sit under', async () => {
    const deps = depsWith([
      pageRule('65538', { includeDescendants: true }),
      pageRule('65537', { includeDescendants: false, destination: chat('parent-only') }),
    ]);
    expect(await forwardContentEvent(deps, aPageUpdatedPayload())).toEqual({ kind: 'queued', deliveries: 1 });
    expect(deps.queue.enqueued()[0]?.senders[0]?.check).toEqual({ underPageId: '65538' });
  });

  it('queues nothing for a rule the event itself turns down, whatever its labels', async () => {
    const deps = depsWith([labelled({ labelsAny: ['release'] }, { events: ['page_created'] })]);
    expect(await forwardContentEvent(deps, aPageUpdatedPayload())).toEqual({ kind: 'queued', deliveries: 0 });
  });
});

describe('forwardContentEvent: invariant 8, no echo', () => {
  it('drops an event the platform marks selfGenerated, before the ledger', async () => {
    const deps = depsWith([aRule()]);
    expect(await forwardContentEvent(deps, aPageUpdatedPayload({ selfGenerated: true }))).toMatchObject({
      kind: 'echo',
    });
    expect(deps.ledger.queuedEventCount()).toBe(0);
    expect(deps.queue.enqueued()).toHaveLength(0);
  });

  it('drops an event whose actor is the app’s own account, and asks only when an app acted', async () => {
    const byApp = (accountId: string) =>
      aPageUpdatedPayload({
        atlassianId: accountId,
        content: {
          ...aPageUpdatedPayload().content,
          version: { number: 4, by: { accountId, accountType: 'app' } },
        },
      });
    const deps = depsWith([aRule()]);
    expect(await forwardContentEvent(deps, byApp('app-account'))).toMatchObject({ kind: 'echo' });
    expect(await forwardContentEvent(deps, byApp('another-app'))).toEqual({ kind: 'queued', deliveries: 1 });
    await forwardContentEvent(
      deps,
      aPageUpdatedPayload({ content: { ...aPageUpdatedPayload().content, version: { number: 9 } } }),
    );
    expect(deps.appView.questionsAsked()).toEqual(['app account', 'app account']);
  });

  it('queues a comment without reading Confluence: the consumer checks for the app’s marker', async () => {
    const deps = depsWith([aRule({ events: ['comment_created'] })]);
    expect(await forwardContentEvent(deps, aCommentCreatedPayload())).toEqual({
      kind: 'queued',
      deliveries: 1,
    });
    expect(deps.appView.questionsAsked()).toEqual([]);
  });
});
