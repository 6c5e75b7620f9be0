import {
  DEFAULT_FILTERS,
  type RuleInput,
  type RuleScopeInput,
  type RuleUpdate,
  type RuleView,
} from '../../../../../src/contracts/rules';
import { changedKeys, changedPaths } from '../../ui/fields';
import type { Destination, EventKind, RuleFilters } from '../rule-text';

export type DestinationKind = Destination['type'];
export interface ChannelChoice {
  teamId: string;
  teamName: string;
  channelId: string;
  channelName: string;
}
export interface ChatChoice {
  chatId: string;
  chatName: string;
}

/** The editor's state: a destination of each kind is kept, so switching kinds loses no choice. */
export interface RuleDraft {
  events: EventKind[];
  filters: RuleFilters;
  includeDescendants: boolean;
  restrictedContent: RuleView['restrictedContent'];
  enabled: boolean;
  /** Cards @mention the mapped people they name. */
  mentions: boolean;
  kind: DestinationKind;
  channel: ChannelChoice;
  chat: ChatChoice;
}

export const NO_CHANNEL: ChannelChoice = { teamId: '', teamName: '', channelId: '', channelName: '' };
export const NO_CHAT: ChatChoice = { chatId: '', chatName: '' };

export const newDraft = (): RuleDraft => ({
  events: ['page_created', 'page_updated'],
  filters: { ...DEFAULT_FILTERS },
  includeDescendants: false,
  restrictedContent: 'skip',
  enabled: true,
  mentions: true,
  kind: 'channel',
  channel: NO_CHANNEL,
  chat: NO_CHAT,
});

export const draftOf = (rule: RuleView): RuleDraft => {
  const { destination } = rule;
  return {
    events: [...rule.events],
    filters: { ...DEFAULT_FILTERS, ...rule.filters },
    includeDescendants: rule.includeDescendants,
    restrictedContent: rule.restrictedContent,
    enabled: rule.enabled,
    mentions: rule.mentions !== false,
    kind: destination.type,
    channel: destination.type === 'channel' ? { ...destination } : NO_CHANNEL,
    chat: destination.type === 'chat' ? { ...destination } : NO_CHAT,
  };
};

export const destinationOf = (draft: Pick<RuleDraft, 'kind' | 'channel' | 'chat'>): Destination => {
  if (draft.kind === 'channel') return { type: 'channel', ...draft.channel };
  if (draft.kind === 'chat') return { type: 'chat', ...draft.chat };
  return { type: 'personal' };
};

/** An unfinished choice of channel or chat, under the server's own paths (`destination.teamId`). */
export const destinationErrors = (
  draft: Pick<RuleDraft, 'kind' | 'channel' | 'chat'>,
): Record<string, string> => {
  if (draft.kind === 'channel' && !draft.channel.teamId) return { 'destination.teamId': 'Choose a team' };
  if (draft.kind === 'channel' && !draft.channel.channelId)
    return { 'destination.channelId': 'Choose a channel' };
  if (draft.kind === 'chat' && !draft.chat.chatId) return { 'destination.chatId': 'Choose a chat' };
  return {};
};

type DestinationDraft = Pick<RuleDraft, 'kind' | 'channel' | 'chat'>;

/**
 * The error paths a change of destination touches: another kind clears every destination
 * message; a new team clears "Choose a team" (and the form-level `destination` message) but
 * leaves "Choose a channel" until a channel is chosen.
 */
export const destinationPaths = (before: DestinationDraft, after: Partial<DestinationDraft>): string[] => {
  if (after.kind !== undefined && after.kind !== before.kind) return ['destination'];
  const parts = [
    ...(after.channel ? changedKeys(before.channel, after.channel) : []),
    ...(after.chat ? changedKeys(before.chat, after.chat) : []),
  ];
  return parts.length === 0 ? [] : ['destination.type', ...parts.map((part) => `destination.${part}`)];
};

/** The error paths a change of the draft touches, so a fixed field drops its message at once. */
export const draftPaths = (before: RuleDraft, after: Partial<RuleDraft>): string[] => [
  ...destinationPaths(before, after),
  ...changedPaths(before, after, ['filters']).filter(
    (path) => !['kind', 'channel', 'chat'].includes(path.split('.')[0] ?? ''),
  ),
];

/** What the server would refuse anyway, said before asking it. */
export const ruleErrors = (draft: RuleDraft, checkDestination: boolean): Record<string, string> => ({
  ...(draft.events.length === 0 ? { events: 'Choose at least one event' } : {}),
  ...(checkDestination ? destinationErrors(draft) : {}),
});

export const createInput = (scope: RuleScopeInput, draft: RuleDraft): RuleInput => ({
  ...scope,
  events: draft.events,
  destination: destinationOf(draft),
  filters: draft.filters,
  // Only a page rule may cover child pages; the server refuses the field anywhere else.
  ...(scope.scope === 'content' ? { includeDescendants: draft.includeDescendants } : {}),
  restrictedContent: draft.restrictedContent,
  enabled: draft.enabled,
  ...(draft.mentions ? {} : { mentions: false }),
});

/**
 * JSON with object keys and lists of names (events, labels) sorted: equal settings compare equal
 * whatever order they were picked in.
 */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, inner: unknown): unknown => {
    if (Array.isArray(inner)) {
      const items: unknown[] = inner;
      return items.every((item) => typeof item === 'string') ? [...items].sort() : items;
    }
    if (inner && typeof inner === 'object') {
      return Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)));
    }
    return inner;
  });

/** `rules/update` takes the rule's id and version and only what changed (and what the caller may change). */
export const updateInput = (rule: RuleView, draft: RuleDraft): RuleUpdate => {
  const update: RuleUpdate = { id: rule.id, version: rule.version };
  const changed = (a: unknown, b: unknown) => canonical(a) !== canonical(b);
  if (rule.canEditSettings) {
    if (changed(draft.events, rule.events)) update.events = draft.events;
    if (changed(draft.filters, rule.filters)) update.filters = draft.filters;
    if (draft.includeDescendants !== rule.includeDescendants)
      update.includeDescendants = draft.includeDescendants;
    if (draft.restrictedContent !== rule.restrictedContent)
      update.restrictedContent = draft.restrictedContent;
    if (draft.enabled !== rule.enabled) update.enabled = draft.enabled;
    if (draft.mentions !== (rule.mentions !== false)) update.mentions = draft.mentions;
  }
  const destination = destinationOf(draft);
  if (rule.canEditDestination && changed(destination, rule.destination)) update.destination = destination;
  return update;
};
