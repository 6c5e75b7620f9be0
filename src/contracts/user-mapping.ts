/**
 * Mapping Confluence people to Microsoft users from admin.atlassian.com's user export: what the
 * global settings page sends and shows. A person's own login always wins over an import.
 */

/** What the lookup found for one person of the file. */
export type ImportOutcome = 'matched' | 'not-found' | 'ambiguous' | 'inactive' | 'unchecked';

export interface ImportPreviewRow {
  /** The line of the file the person is on. */
  line: number;
  accountId: string;
  email: string;
  /** The name the export gives. */
  name: string;
  outcome: ImportOutcome;
  /** The Microsoft user it maps to (matched only). */
  microsoftName: string | null;
  /** Why, for anything but matched. */
  note: string;
}

/** The preview of one file: nothing is saved until the admin confirms `previewId`. */
export interface ImportPreviewView {
  previewId: string;
  counts: Record<ImportOutcome, number>;
  rows: ImportPreviewRow[];
  /** The preview is kept this long for Confirm; then the file must be chosen again. */
  expiresInMinutes: number;
}

export interface ImportConfirmed {
  /** Mappings written (new or updated in place). */
  saved: number;
  /** Earlier imported mappings of people the file now finds no (or no single, active) user for. */
  removed: number;
}

export interface UserMappingView {
  accountId: string;
  /** The Confluence name from the export. */
  name: string;
  email: string;
  microsoftName: string;
  importedAt: string;
}

export interface UserMappingPage {
  mappings: UserMappingView[];
  /** Pass back for the next page; absent on the last. */
  cursor?: string;
}
