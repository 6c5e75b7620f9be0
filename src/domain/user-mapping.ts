import type { ImportOutcome, ImportPreviewRow } from '../contracts/user-mapping';
import type { ExportedPerson } from './user-export';

/** A Microsoft user a directory lookup found. */
export interface DirectoryMatch {
  oid: string;
  displayName: string;
  /** Null when the token may not read it (User.ReadBasic.All only): treated as enabled. */
  accountEnabled: boolean | null;
}

/** One e-mail's lookup: the users found, or `unchecked` when time or Microsoft ran out. */
export type DirectoryAnswer = { kind: 'found'; users: DirectoryMatch[] } | { kind: 'unchecked'; why: string };

/**
 * An imported mapping: a Confluence account to a Microsoft user, from the admin's import. Kept
 * apart from `connection` (a person's own login), which always wins; removing one never touches
 * the other.
 */
export interface ImportedMapping {
  schemaVersion: 1;
  accountId: string;
  tenantId: string;
  oid: string;
  microsoftName: string;
  email: string;
  /** The Confluence name the export gave. */
  name: string;
  importedAt: string;
  importedBy: string;
}

/** A preview kept for Confirm: who made it, for which tenant, and what Confirm will do. */
export interface ImportPreview {
  ownerAccountId: string;
  tenantId: string;
  createdAt: string;
  /** Matched people: written on Confirm. */
  save: Array<Pick<ImportedMapping, 'accountId' | 'oid' | 'microsoftName' | 'email' | 'name'>>;
  /** People the file lists whom nothing (or nothing unique and active) matched: their import goes. */
  drop: string[];
}

/** Judges one person of the export against what the directory answered for their e-mail. */
export const classifyPerson = (person: ExportedPerson, answer: DirectoryAnswer): ImportPreviewRow => {
  const row = (outcome: ImportOutcome, note: string, microsoftName: string | null = null) => ({
    line: person.line,
    accountId: person.accountId,
    email: person.email,
    name: person.name,
    outcome,
    microsoftName,
    note,
  });
  if (!person.active) return row('inactive', 'Suspended or deactivated in Atlassian.');
  if (answer.kind === 'unchecked') return row('unchecked', answer.why);
  const [only, ...others] = answer.users;
  if (!only) return row('not-found', 'No Microsoft user has this e-mail.');
  if (others.length > 0) {
    return row('ambiguous', `${answer.users.length} Microsoft users have this e-mail; log in to choose.`);
  }
  if (only.accountEnabled === false) {
    return row('inactive', 'The Microsoft account is disabled.', only.displayName);
  }
  return row('matched', '', only.displayName);
};

export const emptyCounts = (): Record<ImportOutcome, number> => ({
  matched: 0,
  'not-found': 0,
  ambiguous: 0,
  inactive: 0,
  unchecked: 0,
});
