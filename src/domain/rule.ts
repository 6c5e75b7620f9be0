import { z } from 'zod';
import { EVENT_KINDS, type EventKind } from './content-event';

export type RuleScope = 'global' | 'space' | 'content' | 'personal';

/** Where a rule sends its cards. Channel and chat posts go through Graph as the rule's owner. */
export type Destination =
  | { type: 'channel'; teamId: string; channelId: string; teamName: string; channelName: string }
  | { type: 'chat'; chatId: string; chatName: string };

export interface RuleFilters {
  /** Minor edits arrive with suppressNotifications; on by default. */
  skipMinorEdits: boolean;
  /** The owner's own changes; on by default. */
  skipOwnChanges: boolean;
}

export interface Rule {
  schemaVersion: 1;
  id: string;
  scope: RuleScope;
  /** `global`, `space:ENG`, `content:123` or `user:<accountId>`: the partition of the rule index. */
  scopeKey: string;
  ownerAccountId: string;
  events: EventKind[];
  filters: RuleFilters;
  destination: Destination;
  enabled: boolean;
  createdAt: number;
  updatedAt: number;
}

export const globalScopeKey = (): string => 'global';
export const spaceScopeKey = (spaceKey: string): string => `space:${spaceKey}`;
export const contentScopeKey = (contentId: string): string => `content:${contentId}`;

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
]);

const SPACE_KEY = /^[A-Za-z0-9~_]{1,255}$/;
const CONTENT_ID = /^\d{1,20}$/;

/** Which scope a request is about; the scope decides who may act on it. */
export const ruleScopeSchema = z.object({
  scope: z.enum(['global', 'space', 'content']),
  spaceKey: z.string().regex(SPACE_KEY, 'Not a space key').optional(),
  contentId: z.string().regex(CONTENT_ID, 'Not a content id').optional(),
});

export type RuleScopeRef = z.infer<typeof ruleScopeSchema>;

/** What a person sends to create a rule. */
export const ruleInputSchema = ruleScopeSchema
  .extend({
    events: z.array(z.enum(EVENT_KINDS)).min(1, 'Choose at least one event').max(EVENT_KINDS.length),
    destination: destinationSchema,
    filters: z
      .object({ skipMinorEdits: z.boolean().default(true), skipOwnChanges: z.boolean().default(true) })
      .default({ skipMinorEdits: true, skipOwnChanges: true }),
    enabled: z.boolean().default(true),
  })
  .superRefine((input, ctx) => {
    if (input.scope === 'space' && !input.spaceKey) {
      ctx.addIssue({ code: 'custom', path: ['spaceKey'], message: 'A space rule needs a space' });
    }
    if (input.scope === 'content' && !input.contentId) {
      ctx.addIssue({ code: 'custom', path: ['contentId'], message: 'A page rule needs a page' });
    }
  });

export type RuleInput = z.infer<typeof ruleInputSchema>;

export const scopeKeyOf = (input: RuleScopeRef): string => {
  if (input.scope === 'space') return spaceScopeKey(input.spaceKey ?? '');
  if (input.scope === 'content') return contentScopeKey(input.contentId ?? '');
  return globalScopeKey();
};

/** One key per place a card can land: rules that share it share one message. */
export const destinationKey = (destination: Destination): string =>
  destination.type === 'channel'
    ? `channel:${destination.teamId}:${destination.channelId}`
    : `chat:${destination.chatId}`;
