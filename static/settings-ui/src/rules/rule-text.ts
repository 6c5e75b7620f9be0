import type {
  ContentType,
  Destination,
  EventKind,
  RuleChangeView,
  RuleFilters,
} from '../../../../src/contracts/rules';

export type { ContentType, Destination, EventKind, RuleFilters };

/** Every event kind the backend knows, in the order the editor lists them. */
export const EVENT_LABELS: Record<EventKind, string> = {
  page_created: 'Page created',
  page_updated: 'Page updated',
  blogpost_created: 'Blog post created',
  blogpost_updated: 'Blog post updated',
  comment_created: 'Comment added',
  comment_updated: 'Comment edited',
  label_added: 'Label added',
};

export const EVENT_KINDS = Object.keys(EVENT_LABELS) as EventKind[];

export const CONTENT_TYPE_LABELS: Record<ContentType, string> = { page: 'Pages', blogpost: 'Blog posts' };

export const eventsText = (events: readonly EventKind[]): string =>
  events.map((event) => EVENT_LABELS[event] ?? event).join(', ');

/** Where a card lands, as people say it: "Engineering › General", a chat's name, "You personally". */
export const destinationText = (destination: Destination, ownedByCaller = true, ownerName = ''): string => {
  if (destination.type === 'channel') {
    return `${destination.teamName || 'A team'} › ${destination.channelName || 'a channel'}`;
  }
  if (destination.type === 'chat')
    return destination.chatName ? `Chat: ${destination.chatName}` : 'A Teams chat';
  return ownedByCaller ? 'You personally' : `${ownerName || 'The owner'} personally`;
};

const list = (values: readonly string[]) => values.join(', ');
const people = (count: number) => (count === 1 ? '1 chosen person' : `${count} chosen people`);

/** The filters that narrow a rule, in one line; the defaults are said only when turned off. */
export const filtersText = (filters: RuleFilters): string => {
  const parts: string[] = [];
  if (filters.contentTypes.length)
    parts.push(`Only ${list(filters.contentTypes.map((t) => CONTENT_TYPE_LABELS[t]))}`);
  if (filters.labelsAny.length) parts.push(`Labelled ${filters.labelsAny.join(' or ')}`);
  if (filters.labelsAll.length) parts.push(`Labelled ${filters.labelsAll.join(' and ')}`);
  if (filters.labelsNone.length) parts.push(`Not labelled ${filters.labelsNone.join(' or ')}`);
  if (filters.authorsInclude.length) parts.push(`Only changes by ${people(filters.authorsInclude.length)}`);
  if (filters.authorsExclude.length) parts.push(`Not changes by ${people(filters.authorsExclude.length)}`);
  if (filters.cql) parts.push(`CQL: ${filters.cql}`);
  parts.push(filters.skipMinorEdits ? 'Skips minor edits' : 'Includes minor edits');
  parts.push(filters.skipOwnChanges ? "Skips the owner's own changes" : "Includes the owner's own changes");
  return parts.join(' · ');
};

const CHANGE_LABELS: Record<RuleChangeView['fields'][number], string> = {
  events: 'events',
  cql: 'CQL filter',
  filters: 'filters',
  destination: 'where to notify',
  includeDescendants: 'child pages',
  restrictedContent: 'restricted content',
  enabled: 'on/off',
  mentions: '@mentions',
};

/** One line of a rule's history: "Changed by Sam Spaceadmin on 22 Nov 2026: events, CQL filter". */
export const changeText = (change: RuleChangeView, locale?: string): string => {
  const day = new Date(change.at).toLocaleDateString(locale, { dateStyle: 'medium' });
  const what = change.fields.map((field) => CHANGE_LABELS[field] ?? field).join(', ');
  return `Changed by ${change.byName} on ${day}: ${what}`;
};
