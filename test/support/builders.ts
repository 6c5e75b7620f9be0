import type { ContentEvent } from '../../src/domain/content-event';
import type { Rule } from '../../src/domain/rule';

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

let ruleCounter = 0;
export const aRule = (overrides: Partial<Rule> = {}): Rule => {
  ruleCounter += 1;
  return {
    schemaVersion: 1,
    id: `rule-${ruleCounter}`,
    scope: 'space',
    scopeKey: 'space:ENG',
    ownerAccountId: 'owner-1',
    events: ['page_created', 'page_updated'],
    filters: { skipMinorEdits: true, skipOwnChanges: true },
    destination: {
      type: 'channel',
      teamId: 'team-1',
      channelId: '19:general@thread.tacv2',
      teamName: 'Eng',
      channelName: 'General',
    },
    enabled: true,
    createdAt: 1000 + ruleCounter,
    updatedAt: 1000 + ruleCounter,
    ...overrides,
  };
};

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
