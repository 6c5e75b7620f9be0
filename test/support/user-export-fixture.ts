import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Where the sample export lives, for the browser test's file chooser. */
export const SAMPLE_EXPORT_PATH = join(__dirname, '..', 'dev', 'fixtures', 'atlassian-user-export.csv');

/**
 * A user export in the column layout of admin.atlassian.com's Export users (CRLF, a quoted group
 * list, a comma and doubled quotes in names; see src/domain/user-export.ts for where the layout
 * comes from). Against the sandbox's tenant: Ada, Sam, Mia, Rex and Vic match; Ivy's Microsoft
 * account is disabled; pat@ finds two Microsoft users; Nora is not in the tenant; Dee is
 * deactivated in Atlassian.
 */
export const SAMPLE_EXPORT = readFileSync(SAMPLE_EXPORT_PATH, 'utf8');

export const SAMPLE_COUNTS = { matched: 5, 'not-found': 1, ambiguous: 1, inactive: 2, unchecked: 0 } as const;
