import { runFirstSlice } from '../../dev/sandbox/first-slice';
import { SURFACES, invokeOk, type Surface } from '../../dev/sandbox/sandbox-driver';
import type { Sandbox } from '../../dev/sandbox/start-sandbox';
import { CHATS, TEAMS, person } from '../../dev/seed';
import type { RuleInput } from '../../src/domain/rule';
import { startTestSandbox } from '../support/sandbox-fixture';

/**
 * The trigger side of "Forward an update" end to end: the simulator's events for comments,
 * labels, blog posts and child pages reach the real trigger in the emulator, which queues a
 * delivery only where a rule wants one.
 */
describe('forwarding comments, labels, blog posts and descendants', () => {
  let sandbox: Sandbox;
  const ada = person('ada');
  const mia = person('mia');
  const [eng, mkt] = TEAMS;
  const channel = (team: (typeof TEAMS)[number], name: string) => {
    const found = team.channels.find((c) => c.displayName === name);
    if (!found) throw new Error(`no channel ${name}`);
    return {
      type: 'channel' as const,
      teamId: team.id,
      channelId: found.id,
      teamName: team.displayName,
      channelName: name,
    };
  };
  const releases = channel(eng, 'Releases');
  const leads = channel(eng, 'Leads');
  const marketing = channel(mkt, 'General');
  const docsCrew = { type: 'chat' as const, chatId: CHATS[0].id, chatName: 'Docs crew' };

  /** Everything Teams shows in one conversation: posts, replies and in-place card updates. */
  const conversation = (id: string) =>
    JSON.stringify(sandbox.microsoft.messages().filter((m) => m.conversationId === id));
  const queued = () => sandbox.forge.stats.snapshot().queue.eventsPushed;
  const settle = () => sandbox.forge.idle({ timeoutMs: 10_000 });
  const createRule = (surface: Surface, input: RuleInput) =>
    invokeOk(sandbox, ada, surface, 'rules/create', input);
  const id = (title: string) => sandbox.confluence.findContent(title).id;

  beforeAll(async () => {
    sandbox = await startTestSandbox();
    await runFirstSlice(sandbox);
    await createRule(SURFACES.space('ENG'), {
      scope: 'space',
      spaceKey: 'ENG',
      events: ['comment_created', 'comment_updated'],
      destination: releases,
    });
    await createRule(SURFACES.space('ENG'), {
      scope: 'space',
      spaceKey: 'ENG',
      events: ['label_added'],
      filters: { labelsAny: ['urgent'] },
      destination: marketing,
    });
    await createRule(SURFACES.global, {
      scope: 'global',
      events: ['blogpost_created'],
      filters: { contentTypes: ['blogpost'] },
      destination: docsCrew,
    });
    const decisions = id('Architecture decisions');
    await createRule(
      {
        moduleKey: 'teams-content-action',
        extension: {
          type: 'confluence:contentAction',
          content: { id: decisions, type: 'page' },
          space: { key: 'ENG' },
        },
      },
      {
        scope: 'content',
        contentId: decisions,
        includeDescendants: true,
        events: ['page_updated'],
        filters: { labelsNone: ['draft'] },
        destination: leads,
      },
    );
  }, 60_000);
  afterAll(() => sandbox.stop());

  it('forwards a footer comment and a reply to the comment rule’s channel', async () => {
    const before = conversation(releases.channelId);
    const comment = await sandbox.confluence.addComment(mia.accountId, id('Architecture decisions'), {
      body: '<p>Should we revisit ADR-001?</p>',
    });
    await settle();
    const afterComment = conversation(releases.channelId);
    expect(afterComment).not.toBe(before);
    // Not Ada: she owns the rule, and her own changes are skipped by default.
    await sandbox.confluence.addComment(person('sam').accountId, id('Architecture decisions'), {
      body: '<p>Yes, next week.</p>',
      parentCommentId: comment.id,
    });
    await settle();
    expect(conversation(releases.channelId)).not.toBe(afterComment);
  });

  it('forwards a label only when the rule’s label filter wants it', async () => {
    const before = { teams: conversation(marketing.channelId), queued: queued() };
    await sandbox.confluence.addLabel(mia.accountId, id('Launch checklist'), 'urgent');
    await settle();
    expect(conversation(marketing.channelId)).toBe(before.teams);
    await sandbox.confluence.addLabel(mia.accountId, id('Release plan 2027'), 'someday');
    await settle();
    expect(queued()).toBe(before.queued);
    await sandbox.confluence.addLabel(mia.accountId, id('Release plan 2027'), 'urgent');
    await settle();
    expect(conversation(marketing.channelId)).not.toBe(before.teams);
  });

  it('forwards a new blog post in any space to a global rule’s chat', async () => {
    const before = conversation(docsCrew.chatId);
    await sandbox.confluence.createPage(mia.accountId, {
      spaceKey: 'MKT',
      type: 'blogpost',
      title: 'Spring campaign results',
      body: '<p>Numbers are in.</p>',
    });
    await settle();
    expect(conversation(docsCrew.chatId)).not.toBe(before);
  });

  it('covers a child page through a page rule with descendants, and skips minor edits and other pages', async () => {
    const before = { teams: conversation(leads.channelId), queued: queued() };
    await sandbox.confluence.editPage(mia.accountId, id('ADR-001: Use Forge'), {
      body: '<p>Minor</p>',
      minorEdit: true,
    });
    await sandbox.confluence.editPage(mia.accountId, id('Launch checklist'), { body: '<p>Elsewhere</p>' });
    await settle();
    // No delivery: the minor edit gives nothing at all; the other page only its personal side
    // (watchers and mentions, which the consumer finds), one queue event.
    expect([conversation(leads.channelId), queued()]).toEqual([before.teams, before.queued + 1]);
    await sandbox.confluence.editPage(mia.accountId, id('ADR-001: Use Forge'), { body: '<p>Decided.</p>' });
    await settle();
    expect(conversation(leads.channelId)).not.toBe(before.teams);
  });

  it('stops a redelivery that comes after the consumer ran: the consumer marked the event handled', async () => {
    await sandbox.confluence.editPage(mia.accountId, id('ADR-001: Use Forge'), { body: '<p>Marked.</p>' });
    await settle();
    const [event] = sandbox.confluence.events.slice(-1);
    if (!event) throw new Error('no event');
    const before = { teams: conversation(leads.channelId), queued: queued() };
    await sandbox.forge.emitProductEvent(event.eventType, event.payload);
    await settle();
    expect([conversation(leads.channelId), queued()]).toEqual([before.teams, before.queued]);
    expect(sandbox.forge.logs.at(-1)?.message).toMatch(/Content event duplicate/);
  });

  it('stays within the KVS budget: a ledger read and three route queries, then the push; no write', async () => {
    sandbox.forge.stats.reset();
    // ADR-001 is covered by the space rule (General) and the page rule with descendants (Leads).
    await sandbox.confluence.editPage(mia.accountId, id('ADR-001: Use Forge'), { body: '<p>Again.</p>' });
    const trigger = sandbox.forge.stats.snapshot();
    // Two deliveries and the event's personal side, in one push.
    expect(trigger.queue.eventsPushed).toBe(3);
    expect(trigger.queue.pushes).toBe(1);
    expect(trigger.kvs.ops).toEqual({ get: 1, query: 3 });
    await settle();
  });
});
