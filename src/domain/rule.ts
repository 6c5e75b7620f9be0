import { z } from 'zod';
import {
  DEFAULT_FILTERS,
  type ContentType,
  type Destination,
  type RestrictedContentMode,
  type RuleChangeField,
  type RuleFilters,
  type RuleInput as RuleInputContract,
  type RuleScope,
  type RuleScopeInput,
  type RuleUpdate as RuleUpdateContract,
} from '../contracts/rules';
import { EVENT_KINDS, type EventKind } from './content-event';
import type { Agree, Proved } from './type-agreement';

// The rule vocabulary is the settings UI's too: src/contracts/rules.ts defines it once.
export type {
  Destination,
  GraphDestination,
  RestrictedContentMode,
  RuleChangeField,
  RuleFilters,
  RuleScope,
} from '../contracts/rules';
export { DEFAULT_FILTERS };

const CONTENT_TYPES = ['page', 'blogpost'] as const satisfies readonly ContentType[];

/** One saved edit: who made it, when, and what it changed (never the values themselves). */
interface RuleChange {
  at: number;
  byAccountId: string;
  fields: RuleChangeField[];
}

/** A rule keeps its last changes only: enough for its owner to see who changed what lately. */
const RULE_HISTORY_LIMIT = 20;

export interface Rule {
  schemaVersion: 2;
  id: string;
  scope: RuleScope;
  /** `global`, `space:ENG`, `content:123` or `user:<accountId>`. */
  scopeKey: string;
  /**
   * A content rule's space, taken from Confluence when the rule is created: the trigger finds a
   * page rule together with its space's rules, in one index query. Absent on other scopes.
   */
  spaceKey?: string;
  ownerAccountId: string;
  events: EventKind[];
  filters: RuleFilters;
  destination: Destination;
  /** A page rule that also covers the page's descendants. */
  includeDescendants: boolean;
  restrictedContent: RestrictedContentMode;
  enabled: boolean;
  /** False: cards @mention nobody; absent (rules stored before it existed too): on. */
  mentions?: boolean;
  /** Bumped on every change; an update names the version it edits (optimistic concurrency). */
  version: number;
  createdAt: number;
  updatedAt: number;
  /**
   * The last edits, oldest first. A rule posts as its owner while others with authority at its
   * scope may edit it, so the owner must be able to see who changed what. Absent until the first edit.
   */
  history?: RuleChange[];
}

export const globalScopeKey = (): string => 'global';
export const spaceScopeKey = (spaceKey: string): string => `space:${spaceKey}`;
const contentScopeKey = (contentId: string): string => `content:${contentId}`;

const graphId = z.string().trim().min(1).max(200);
const displayName = z.string().trim().max(256).default('');

export const destinationSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('channel'),
    teamId: graphId,
    channelId: graphId,
    teamName: displayName,
    channelName: displayName,
  }),
  z.object({ type: z.literal('chat'), chatId: graphId, chatName: displayName }),
  z.object({ type: z.literal('personal') }),
]);

const SPACE_KEY = /^[A-Za-z0-9~_]{1,255}$/;
const CONTENT_ID = /^\d{1,20}$/;
const ACCOUNT_ID = /^[A-Za-z0-9:_-]{1,128}$/;

/** Which scope a request is about; the scope decides who may act on it. */
export const ruleScopeSchema = z.object({
  scope: z.enum(['global', 'space', 'content']),
  spaceKey: z.string().regex(SPACE_KEY, 'Not a space key').optional(),
  contentId: z.string().regex(CONTENT_ID, 'Not a content id').optional(),
});

export type RuleScopeRef = z.infer<typeof ruleScopeSchema>;

/** Confluence labels are lower-case, without spaces, at most 255 characters. */
export const labelList = z
  .array(
    z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[^\s,]{1,255}$/, 'A label has no spaces or commas'),
  )
  .max(20, 'At most 20 labels')
  .default([]);
const accountList = z.array(z.string().regex(ACCOUNT_ID, 'Not an account id')).max(50).default([]);

const ruleFiltersSchema = z
  .object({
    skipMinorEdits: z.boolean().default(true),
    skipOwnChanges: z.boolean().default(true),
    labelsAny: labelList,
    labelsAll: labelList,
    labelsNone: labelList,
    authorsInclude: accountList,
    authorsExclude: accountList,
    contentTypes: z.array(z.enum(CONTENT_TYPES)).max(CONTENT_TYPES.length).default([]),
    cql: z.string().trim().max(1000, 'Keep the CQL filter under 1,000 characters').default(''),
  })
  .strict();

/** The parts of a rule a person edits (scope and owner are fixed at creation). */
const events = z.array(z.enum(EVENT_KINDS)).min(1, 'Choose at least one event').max(EVENT_KINDS.length);
const restrictedContent = z.enum(['skip', 'redact']);

/** Creation fills what was left out with the defaults. */
const ruleSettingsShape = {
  events,
  destination: destinationSchema,
  filters: ruleFiltersSchema.default(DEFAULT_FILTERS),
  includeDescendants: z.boolean().default(false),
  restrictedContent: restrictedContent.default('skip'),
  enabled: z.boolean().default(true),
  mentions: z.boolean().optional(),
};

/**
 * "Also send what changed since …": a day (`YYYY-MM-DD`); its range is checked against the clock
 * when the rule is created (domain/catch-up.ts). Never stored on the rule.
 */
const catchUpSince = z.string().max(10, 'Enter the date as YYYY-MM-DD, for example 2026-11-01');

/** What a person sends to create a rule. */
export const ruleInputSchema = ruleScopeSchema
  .extend(ruleSettingsShape)
  .extend({ catchUpSince: catchUpSince.optional() })
  .strict()
  .superRefine((input, ctx) => {
    if (input.scope === 'space' && !input.spaceKey) {
      ctx.addIssue({ code: 'custom', path: ['spaceKey'], message: 'A space rule needs a space' });
    }
    if (input.scope === 'content' && !input.contentId) {
      ctx.addIssue({ code: 'custom', path: ['contentId'], message: 'A page rule needs a page' });
    }
    if (input.includeDescendants && input.scope !== 'content') {
      ctx.addIssue({
        code: 'custom',
        path: ['includeDescendants'],
        message: 'Only a page rule can cover child pages',
      });
    }
  });

/** What the UI sends (defaults may be left out) and what validation gives back. */
export type RuleInput = z.input<typeof ruleInputSchema>;
export type ValidRuleInput = z.output<typeof ruleInputSchema>;

/** An edit names the rule and the version it was made against; absent fields stay as they are. */
export const ruleUpdateSchema = z
  .object({
    id: z.string().uuid('Not a rule id'),
    version: z.number().int().positive(),
    // No defaults here: a field left out of an edit keeps its stored value.
    events: events.optional(),
    destination: destinationSchema.optional(),
    filters: ruleFiltersSchema.optional(),
    includeDescendants: z.boolean().optional(),
    restrictedContent: restrictedContent.optional(),
    enabled: z.boolean().optional(),
    mentions: z.boolean().optional(),
  })
  .strict();

type RuleUpdate = z.input<typeof ruleUpdateSchema>;
export type ValidRuleUpdate = z.output<typeof ruleUpdateSchema>;

/**
 * The compiler's proof that validation and the settings UI agree (src/contracts/rules.ts): the
 * schemas accept exactly what the UI sends, and their vocabulary is the contract's.
 */
export type RuleSchemasAgreeWithContract = [
  Proved<Agree<EventKind, RuleInputContract['events'][number]>>,
  Proved<Agree<(typeof CONTENT_TYPES)[number], ContentType>>,
  Proved<Agree<RuleScopeRef, RuleScopeInput>>,
  Proved<Agree<z.output<typeof ruleFiltersSchema>, RuleFilters>>,
  Proved<Agree<z.output<typeof destinationSchema>, Destination>>,
  Proved<Agree<z.output<typeof restrictedContent>, RestrictedContentMode>>,
  Proved<Agree<RuleInput, RuleInputContract>>,
  Proved<Agree<RuleUpdate, RuleUpdateContract>>,
];

export const scopeKeyOf = (input: RuleScopeRef): string => {
  if (input.scope === 'space') return spaceScopeKey(input.spaceKey ?? '');
  if (input.scope === 'content') return contentScopeKey(input.contentId ?? '');
  return globalScopeKey();
};

/** The scope a stored rule belongs to, for authority checks. */
export const scopeRefOf = (rule: Pick<Rule, 'scope' | 'scopeKey'>): RuleScopeRef => {
  const [, value] = rule.scopeKey.split(/:(.*)/s);
  if (rule.scope === 'space') return { scope: 'space', spaceKey: value };
  if (rule.scope === 'content') return { scope: 'content', contentId: value };
  return { scope: 'global' };
};

/** One key per place a card can land: rules that share it share one message. */
export const destinationKey = (destination: Destination, ownerAccountId: string): string => {
  if (destination.type === 'channel') return `channel:${destination.teamId}:${destination.channelId}`;
  if (destination.type === 'chat') return `chat:${destination.chatId}`;
  return `personal:${ownerAccountId}`;
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);
const sameSet = (a: readonly string[], b: readonly string[]): boolean =>
  same([...new Set(a)].sort(), [...new Set(b)].sort());

/** Which parts of a rule an edit changed; the CQL filter is named apart from the other filters. */
export const changedFields = (before: Rule, after: Rule): RuleChangeField[] => {
  const { cql: cqlBefore, ...filtersBefore } = before.filters;
  const { cql: cqlAfter, ...filtersAfter } = after.filters;
  const keys = (filters: object) => Object.keys(filters).sort();
  const filtersChanged =
    !same(keys(filtersBefore), keys(filtersAfter)) ||
    keys(filtersBefore).some((key) => {
      const a = filtersBefore[key as keyof typeof filtersBefore];
      const b = filtersAfter[key as keyof typeof filtersAfter];
      return Array.isArray(a) && Array.isArray(b) ? !sameSet(a, b) : a !== b;
    });
  const changed: Array<[RuleChangeField, boolean]> = [
    ['events', !sameSet(before.events, after.events)],
    ['cql', cqlBefore !== cqlAfter],
    ['filters', filtersChanged],
    ['destination', !same(before.destination, after.destination)],
    ['includeDescendants', before.includeDescendants !== after.includeDescendants],
    ['restrictedContent', before.restrictedContent !== after.restrictedContent],
    ['enabled', before.enabled !== after.enabled],
    ['mentions', (before.mentions ?? true) !== (after.mentions ?? true)],
  ];
  return changed.filter(([, yes]) => yes).map(([field]) => field);
};

/** The history with one more change, cut to the last RULE_HISTORY_LIMIT. */
export const withChange = (history: readonly RuleChange[] | undefined, change: RuleChange): RuleChange[] =>
  [...(history ?? []), change].slice(-RULE_HISTORY_LIMIT);

/** Rules stored before schema version 2 get the new fields' defaults when read. */
export const upgradeRule = (stored: unknown): Rule => {
  const rule = stored as Partial<Rule> & { schemaVersion: number };
  if (rule.schemaVersion === 2) return rule as Rule;
  return {
    ...(rule as Rule),
    schemaVersion: 2,
    filters: { ...DEFAULT_FILTERS, ...(rule.filters ?? {}) },
    includeDescendants: false,
    restrictedContent: 'skip',
    version: 1,
  };
};
