import type { ContentSummary } from '../../src/application/ports/confluence';
import type { ContentEvent } from '../../src/domain/content-event';
import { DEFAULT_FILTERS, type Rule } from '../../src/domain/rule';

/** Test data with overridable defaults. */
export const aContentEvent = (overrides: Partial<ContentEvent> = {}): ContentEvent => ({
  kind: 'page_updated',
  contentId: '65601',
  contentType: 'page',
  title: 'Release plan 2027',
  spaceKey: 'ENG',
  spaceName: 'Engineering',
  actorAccountId: 'editor-1',
  version: 3,
  minorEdit: false,
  occurredAt: '2026-11-22T10:00:00.000Z',
  ...overrides,
});

/**
 * A short name for a builder's inputs: the same inputs give the same name in every run, whatever
 * ran before, and inputs that differ give names that differ (FNV-1a over their JSON).
 */
export const nameOf = (inputs: unknown): string => {
  let hash = 0x811c9dc5;
  for (const char of JSON.stringify(inputs) ?? '') {
    hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  }
  return hash.toString(36);
};

/**
 * A space rule. Without an `id`, its id is made from the overrides, so rules that differ in
 * anything have different ids; give two otherwise equal rules an `id` of their own.
 */
export const aRule = (overrides: Partial<Rule> = {}): Rule => ({
  schemaVersion: 2,
  id: `rule-${nameOf(overrides)}`,
  scope: 'space',
  scopeKey: 'space:ENG',
  ownerAccountId: 'owner-1',
  events: ['page_created', 'page_updated'],
  filters: DEFAULT_FILTERS,
  destination: {
    type: 'channel',
    teamId: 'team-1',
    channelId: '19:general@thread.tacv2',
    teamName: 'Eng',
    channelName: 'General',
  },
  includeDescendants: false,
  restrictedContent: 'skip',
  enabled: true,
  version: 1,
  createdAt: 1001,
  updatedAt: 1001,
  ...overrides,
});

/** Rules as if made one after another, the first the oldest: the order rules that tie are sent in. */
export const madeInOrder = (rules: Rule[]): Rule[] =>
  rules.map((rule, i) => ({ ...rule, createdAt: 1001 + i, updatedAt: 1001 + i }));

/** The documented `avi:confluence:updated:page` payload shape. */
export const aPageUpdatedPayload = (overrides: Record<string, unknown> = {}) => ({
  eventType: 'avi:confluence:updated:page',
  atlassianId: 'editor-1',
  eventCreatedDate: '2026-11-22T10:00:00.000Z',
  suppressNotifications: false,
  updateTrigger: 'edit_page',
  content: {
    id: '65601',
    type: 'page',
    status: 'current',
    title: 'Release plan 2027',
    space: { id: 32770, key: 'ENG', name: 'Engineering', type: 'global', status: 'current' },
    history: { createdBy: { accountId: 'author-0' }, createdDate: '2026-01-01T00:00:00.000Z' },
    version: { by: { accountId: 'editor-1' }, when: '2026-11-22T10:00:00.000Z', number: 3 },
  },
  ...overrides,
});

/** A comment event as the trigger normalises it: about the page, naming the comment. */
export const aCommentEvent = (overrides: Partial<ContentEvent> = {}): ContentEvent =>
  aContentEvent({
    kind: 'comment_created',
    comment: { id: '65700', location: 'footer', parentCommentId: null, version: 1 },
    ...overrides,
  });

/** What Confluence answers about a page someone may view (the content a card is made from). */
export const aContentSummary = (id: string, overrides: Partial<ContentSummary> = {}): ContentSummary => ({
  id,
  type: 'page',
  title: 'Release plan 2027',
  spaceKey: 'ENG',
  spaceName: 'Engineering',
  version: 3,
  versionMessage: '',
  url: `https://site.example/wiki/pages/${id}`,
  ...overrides,
});

/** A label event as the trigger normalises it. */
export const aLabelEvent = (overrides: Partial<ContentEvent> = {}): ContentEvent =>
  aContentEvent({ kind: 'label_added', label: 'release', labels: ['release', 'eng'], ...overrides });

const eventUserOf = (accountId: string) => ({ type: 'known', accountId, accountType: 'atlassian' });

/** The documented `avi:confluence:created:comment` payload shape (a reply, so it has an ancestor). */
export const aCommentCreatedPayload = (overrides: Record<string, unknown> = {}) => ({
  eventType: 'avi:confluence:created:comment',
  atlassianId: 'commenter-1',
  eventCreatedDate: '2026-11-22T10:05:00.000Z',
  suppressNotifications: false,
  selfGenerated: false,
  content: {
    id: '65700',
    type: 'comment',
    status: 'current',
    title: 'Re: Release plan 2027',
    space: { id: 32770, key: 'ENG', alias: 'ENG', name: 'Engineering', type: 'global', status: 'current' },
    history: { latest: true, createdBy: eventUserOf('commenter-1'), createdDate: '2026-11-22T10:05:00.000Z' },
    version: { by: eventUserOf('commenter-1'), when: '2026-11-22T10:05:00.000Z', number: 1 },
    ancestors: [{ id: '65690', type: 'comment', status: 'current', title: 'Re: Release plan 2027' }],
    // The docs type container.id as a number while their example shows a string.
    container: {
      id: 65601,
      type: 'page',
      status: 'current',
      title: 'Release plan 2027',
      history: { latest: true, createdBy: eventUserOf('author-0'), createdDate: '2026-01-01T00:00:00.000Z' },
      version: { by: eventUserOf('editor-1'), when: '2026-11-22T10:00:00.000Z', number: 3 },
    },
    extensions: { location: 'inline' },
  },
  ...overrides,
});

/** The documented `avi:confluence:added:label` payload shape for a label on a page. */
export const aLabelAddedPayload = (overrides: Record<string, unknown> = {}) => ({
  eventType: 'avi:confluence:added:label',
  atlassianId: 'labeller-1',
  eventCreatedDate: '2026-11-22T10:06:00.000Z',
  selfGenerated: false,
  label: { id: '9001', name: 'release', prefix: 'global' },
  content: {
    ...aPageUpdatedPayload().content,
    labels: [
      { id: '9000', name: 'eng', prefix: 'global' },
      { id: '9002', name: 'secret-draft', prefix: 'my' },
    ],
  },
  ...overrides,
});
