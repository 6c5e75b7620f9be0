import type { ConfluenceGateway } from '../../../src/application/ports/confluence';
import { forwardContentEvent, type ForwardDeps } from '../../../src/application/forward-content-event';
import { DEFAULT_FILTERS, type Rule } from '../../../src/domain/rule';
import {
  aCommentCreatedPayload,
  aLabelAddedPayload,
  aPageUpdatedPayload,
  aRule,
} from '../../support/builders';
import { fakeLedger, fakeQueue, fakeRuleStore } from '../../support/fakes';

type Facts = ConfluenceGateway['readContentFacts'];

/** A Confluence that records what the trigger asked, with answers a test can override. */
const recordingConfluence = (answers: Partial<ForwardDeps['confluence']> = {}) => {
  const asked: string[] = [];
  const readContentFacts: Facts = async (id, need) => {
    asked.push(`facts ${id} labels=${need.labels} ancestors=${need.ancestors}`);
    return answers.readContentFacts ? answers.readContentFacts(id, need) : { labels: [], ancestorIds: [] };
  };
  return {
    asked,
    readContentFacts,
    readAppCommentMarker: async (id: string) => {
      asked.push(`marker ${id}`);
      return answers.readAppCommentMarker ? answers.readAppCommentMarker(id) : null;
    },
    appAccountId: async () => {
      asked.push('app account');
      return answers.appAccountId ? answers.appAccountId() : 'app-account';
    },
  };
};

const depsWith = (rules: Rule[], confluence = recordingConfluence()) => ({
  rules: fakeRuleStore(rules),
  ledger: fakeLedger(),
  queue: fakeQueue(),
  confluence,
});
const chat = (id: string) => ({ type: 'chat' as const, chatId: `19:${id}@thread.v2`, chatName: id });
const pageRule = (contentId: string, extra: Partial<Rule> = {}) =>
  aRule({ scope: 'content', scopeKey: `content:${contentId}`, spaceKey: 'ENG', ...extra });

describe('forwardContentEvent', () => {
  it('queues one delivery per destination for the global, space and page rules the event touches', async () => {
    const deps = depsWith([
      aRule({ scopeKey: 'space:ENG' }),
      aRule({ scope: 'global', scopeKey: 'global' }),
      pageRule('65601', { destination: chat('page') }),
      pageRule('99999', { destination: chat('other-page') }),
      aRule({ scopeKey: 'space:MKT', destination: chat('mkt') }),
    ]);
    expect(await forwardContentEvent(deps, aPageUpdatedPayload())).toEqual({ kind: 'queued', deliveries: 2 });
    expect(deps.queue.pushed.map((d) => [d.destination.type, d.senders.length])).toEqual([
      ['channel', 2],
      ['chat', 1],
    ]);
    expect(deps.confluence.asked).toEqual([]);
  });

  it('drops a duplicate delivery of the same event', async () => {
    const deps = depsWith([aRule()]);
    await forwardContentEvent(deps, aPageUpdatedPayload());
    expect(await forwardContentEvent(deps, aPageUpdatedPayload())).toEqual({ kind: 'duplicate' });
    expect(deps.queue.pushed).toHaveLength(1);
  });

  it('forgets the event when queueing fails, so the platform’s retry is not taken for a duplicate', async () => {
    const deps = { ...depsWith([aRule()]), queue: fakeQueue(new Error('rate limited')) };
    await expect(forwardContentEvent(deps, aPageUpdatedPayload())).rejects.toThrow('rate limited');
    expect(deps.ledger.seen.size).toBe(0);
    expect(await forwardContentEvent({ ...deps, queue: fakeQueue() }, aPageUpdatedPayload())).toEqual({
      kind: 'queued',
      deliveries: 1,
    });
  });

  it('forgets the event when Confluence fails while fetching facts', async () => {
    const failing = recordingConfluence({
      readContentFacts: () => Promise.reject(new Error('Confluence answered 503')),
    });
    const deps = depsWith([aRule({ filters: { ...DEFAULT_FILTERS, labelsAny: ['x'] } })], failing);
    await expect(forwardContentEvent(deps, aPageUpdatedPayload())).rejects.toThrow('503');
    expect(deps.ledger.seen.size).toBe(0);
  });

  it('ignores a payload it cannot read, and says why', async () => {
    const deps = depsWith([]);
    expect(await forwardContentEvent(deps, { eventType: 'avi:confluence:updated:page' })).toMatchObject({
      kind: 'ignored',
    });
    expect(deps.ledger.seen.size).toBe(0);
  });
});

describe('forwardContentEvent: labels and descendants, fetched only when needed', () => {
  it('fetches the labels once for every rule that filters on them', async () => {
    const confluence = recordingConfluence({ readContentFacts: async () => ({ labels: ['release'] }) });
    const deps = depsWith(
      [
        aRule({ filters: { ...DEFAULT_FILTERS, labelsAny: ['release'] } }),
        aRule({ filters: { ...DEFAULT_FILTERS, labelsNone: ['release'] }, destination: chat('quiet') }),
        aRule({ filters: { ...DEFAULT_FILTERS, labelsAll: ['release'] }, destination: chat('loud') }),
      ],
      confluence,
    );
    expect(await forwardContentEvent(deps, aPageUpdatedPayload())).toEqual({ kind: 'queued', deliveries: 2 });
    expect(confluence.asked).toEqual(['facts 65601 labels=true ancestors=false']);
    expect(deps.queue.pushed[0]?.event.labels).toEqual(['release']);
  });

  it('uses the labels a label event carries, without asking', async () => {
    const deps = depsWith([
      aRule({ events: ['label_added'], filters: { ...DEFAULT_FILTERS, labelsAny: ['eng'] } }),
    ]);
    expect(await forwardContentEvent(deps, aLabelAddedPayload())).toEqual({ kind: 'queued', deliveries: 1 });
    expect(deps.confluence.asked).toEqual([]);
  });

  it('covers descendants of a page rule through the ancestors, fetched together with labels', async () => {
    const confluence = recordingConfluence({
      readContentFacts: async () => ({ ancestorIds: ['65537', '65538'], labels: ['adr'] }),
    });
    const deps = depsWith(
      [
        pageRule('65538', { includeDescendants: true, filters: { ...DEFAULT_FILTERS, labelsAny: ['adr'] } }),
        pageRule('65537', { includeDescendants: false, destination: chat('parent-only') }),
      ],
      confluence,
    );
    expect(await forwardContentEvent(deps, aPageUpdatedPayload())).toEqual({ kind: 'queued', deliveries: 1 });
    expect(confluence.asked).toEqual(['facts 65601 labels=true ancestors=true']);
    expect(deps.queue.pushed[0]?.event.ancestorIds).toEqual(['65537', '65538']);
  });

  it('does not match a rule whose facts cannot be had (content gone)', async () => {
    const deps = depsWith(
      [aRule({ filters: { ...DEFAULT_FILTERS, labelsNone: ['secret'] } })],
      recordingConfluence({ readContentFacts: async () => null }),
    );
    expect(await forwardContentEvent(deps, aPageUpdatedPayload())).toEqual({ kind: 'queued', deliveries: 0 });
  });
});

describe('forwardContentEvent: invariant 8, no echo', () => {
  it('drops an event the platform marks selfGenerated, before the ledger', async () => {
    const deps = depsWith([aRule()]);
    expect(await forwardContentEvent(deps, aPageUpdatedPayload({ selfGenerated: true }))).toMatchObject({
      kind: 'echo',
    });
    expect(deps.ledger.seen.size).toBe(0);
    expect(deps.queue.pushed).toHaveLength(0);
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
    expect(deps.confluence.asked).toEqual(['app account', 'app account']);
  });

  it('drops a comment the app posted for a Teams user (its marker names this version)', async () => {
    const confluence = recordingConfluence({ readAppCommentMarker: async () => 1 });
    const deps = depsWith([aRule({ events: ['comment_created'] })], confluence);
    expect(await forwardContentEvent(deps, aCommentCreatedPayload())).toMatchObject({ kind: 'echo' });
    expect(confluence.asked).toEqual(['marker 65700']);
    expect(deps.queue.pushed).toHaveLength(0);
  });

  it('forwards a person’s later edit of a comment the app posted', async () => {
    const deps = depsWith(
      [aRule({ events: ['comment_updated'] })],
      recordingConfluence({ readAppCommentMarker: async () => 1 }),
    );
    const base = aCommentCreatedPayload();
    const edit = {
      ...base,
      eventType: 'avi:confluence:updated:comment',
      content: { ...base.content, version: { number: 2, by: { accountId: 'commenter-1' } } },
    };
    expect(await forwardContentEvent(deps, edit)).toEqual({ kind: 'queued', deliveries: 1 });
  });

  it('does not look for the marker when no rule wants the comment', async () => {
    const deps = depsWith([aRule()]);
    expect(await forwardContentEvent(deps, aCommentCreatedPayload())).toEqual({
      kind: 'queued',
      deliveries: 0,
    });
    expect(deps.confluence.asked).toEqual([]);
  });
});
