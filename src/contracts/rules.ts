/**
 * Rules as the settings UI sees and sends them. The backend's validation (src/domain/rule.ts)
 * is proved by the compiler to accept exactly these shapes.
 */

/** The event kinds a rule can choose. */
export type EventKind =
  | 'page_created'
  | 'page_updated'
  | 'blogpost_created'
  | 'blogpost_updated'
  | 'comment_created'
  | 'comment_updated'
  | 'label_added';

/**
 * The events a page rule can fire on: the page's own changes, its comments and labels, and new
 * child pages (when it covers them). Blog posts are never a page's.
 */
export const PAGE_RULE_EVENTS: readonly EventKind[] = [
  'page_created',
  'page_updated',
  'comment_created',
  'comment_updated',
  'label_added',
];

export type ContentType = 'page' | 'blogpost';

export type RuleScope = 'global' | 'space' | 'content' | 'personal';

/**
 * Where a rule sends its cards. Channel and chat posts go through Graph as the rule's owner;
 * `personal` is the owner's 1:1 chat with the companion bot (ARCHITECTURE.md D5).
 */
export type Destination =
  | { type: 'channel'; teamId: string; channelId: string; teamName: string; channelName: string }
  | { type: 'chat'; chatId: string; chatName: string }
  | { type: 'personal' };

/** The destinations Graph posts to as the rule's owner. */
export type GraphDestination = Extract<Destination, { type: 'channel' | 'chat' }>;

export interface RuleFilters {
  /** Minor edits arrive with suppressNotifications; on by default. */
  skipMinorEdits: boolean;
  /** The owner's own changes; on by default. */
  skipOwnChanges: boolean;
  /** Content must carry at least one of these labels (empty: no condition). */
  labelsAny: string[];
  /** Content must carry every one of these labels. */
  labelsAll: string[];
  /** Content must carry none of these labels. */
  labelsNone: string[];
  /** Only changes by these accounts (empty: anyone). */
  authorsInclude: string[];
  /** Never changes by these accounts. */
  authorsExclude: string[];
  /** Content types the rule covers (empty: all). */
  contentTypes: ContentType[];
  /** Advanced: the content must match `id = <id> AND (<cql>)`, evaluated as the rule's owner. */
  cql: string;
}

/** A new rule's filters: minor edits and the owner's own changes skipped, nothing else. */
export const DEFAULT_FILTERS: RuleFilters = {
  skipMinorEdits: true,
  skipOwnChanges: true,
  labelsAny: [],
  labelsAll: [],
  labelsNone: [],
  authorsInclude: [],
  authorsExclude: [],
  contentTypes: [],
  cql: '',
};

/** What a rule does with content its owner cannot view: nothing, or a card without details. */
export type RestrictedContentMode = 'skip' | 'redact';

/** The parts of a rule a change can touch, as its history names them; `cql` apart from other filters. */
export type RuleChangeField =
  | 'events'
  | 'cql'
  | 'filters'
  | 'destination'
  | 'includeDescendants'
  | 'restrictedContent'
  | 'enabled'
  | 'mentions';

/** Which scope a request is about; the scope decides who may act on it. */
export interface RuleScopeInput {
  scope: 'global' | 'space' | 'content';
  spaceKey?: string;
  contentId?: string;
}

/** A destination as sent: the display names may be left out. */
export type DestinationInput =
  | { type: 'channel'; teamId: string; channelId: string; teamName?: string; channelName?: string }
  | { type: 'chat'; chatId: string; chatName?: string }
  | { type: 'personal' };

/** What the UI sends to create a rule; what it leaves out gets the defaults. */
export interface RuleInput extends RuleScopeInput {
  events: EventKind[];
  destination: DestinationInput;
  filters?: Partial<RuleFilters>;
  /** A page rule only. */
  includeDescendants?: boolean;
  restrictedContent?: RestrictedContentMode;
  enabled?: boolean;
  /** False: the rule's cards @mention nobody. On when left out. */
  mentions?: boolean;
  /** "Also send what changed since …" (`YYYY-MM-DD`, at most 90 days back): one catch-up card. */
  catchUpSince?: string;
}

/** An edit names the rule and the version it was made against; absent fields stay as they are. */
export interface RuleUpdate {
  id: string;
  version: number;
  events?: EventKind[];
  destination?: DestinationInput;
  filters?: Partial<RuleFilters>;
  includeDescendants?: boolean;
  restrictedContent?: RestrictedContentMode;
  enabled?: boolean;
  mentions?: boolean;
}

/** One edit of a rule, as its history shows it: who, when (epoch ms), which parts. */
export interface RuleChangeView {
  at: number;
  byName: string;
  fields: RuleChangeField[];
}

/** A rule as a settings page shows it. */
export interface RuleView {
  id: string;
  scope: RuleScope;
  /** `global`, `space:ENG`, `content:123` or `user:<accountId>`. */
  scopeKey: string;
  /** A content rule's space. */
  spaceKey?: string;
  ownerAccountId: string;
  events: EventKind[];
  filters: RuleFilters;
  destination: Destination;
  /** A page rule that also covers the page's descendants. */
  includeDescendants: boolean;
  restrictedContent: RestrictedContentMode;
  enabled: boolean;
  /** False: the rule's cards @mention nobody (absent: they mention mapped people). */
  mentions?: boolean;
  /** An update names the version it edits (optimistic concurrency). */
  version: number;
  createdAt: number;
  updatedAt: number;
  ownerName: string;
  ownedByCaller: boolean;
  /** Events, filters, enabled: anyone with authority at the rule's scope. */
  canEditSettings: boolean;
  /** Where to notify: the owner only, because the rule posts as its owner. */
  canEditDestination: boolean;
  /** Where the rule lives, for "my rules" links: "Space ENG", "Page Release plan 2027". */
  location: { label: string; url: string };
  /** The owner's Microsoft sign-in expired (`needs-login`): the rule sends nothing until they log in again. */
  paused: boolean;
  /** The rule's last edits, oldest first: it posts as its owner, who sees here what others changed. */
  changes: RuleChangeView[];
}

/** A rule of a wider scope that already sends a page's updates, as the page's editors see it. */
export interface CoveringRuleView {
  id: string;
  scope: 'global' | 'space' | 'content';
  /** What the rule covers: "Every space", "Space ENG", "Page “Plans” and the pages under it". */
  coverage: string;
  /** Where it sends, as the delivery log says it: "Engineering › General", a chat's name. */
  destinationLabel: string;
  ownerName: string;
  ownedByCaller: boolean;
  events: EventKind[];
}
