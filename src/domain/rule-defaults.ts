import type { RuleFilters } from './rule';

/**
 * A new rule's filters: minor edits and the owner's own changes skipped, nothing else. Kept
 * apart from rule.ts so the settings UI can share it without bundling zod.
 */
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
