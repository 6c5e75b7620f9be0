import { parseCsv, type CsvRecord } from './csv';

/**
 * The user list admin.atlassian.com exports (Directory → Users → Export users, CSV).
 *
 * Atlassian's page on the export (support.atlassian.com/security-and-access-policies/docs/
 * export-users-from-a-site) describes its options (all users or some groups, active only, group
 * membership as a list or pivoted to columns, app access) but not its header row, so the layout is
 * ASSUMED from exports seen since the September 2021 format change:
 * `User id, User name, email, User status, Added to org, Org role, Last seen in <app>...,
 * [Group membership | Group 1, Group 2...]`. Headers are therefore matched by name (any case, any
 * order, a few older names accepted) and every other column is ignored.
 */
export const EXPORT_COLUMNS = {
  accountId: ['user id', 'account id', 'atlassian id', 'accountid'],
  email: ['email', 'email address', 'e-mail'],
  name: ['user name', 'full name', 'name', 'full_name'],
  status: ['user status', 'status', 'active'],
} as const;

/**
 * Caps. The file travels in one `invoke` from the settings page, whose request Forge limits to
 * 500 KB (PLATFORM-FACTS "Runtime") as JSON: 400,000 characters leave room for the envelope and
 * the escaping of line breaks and quotes (the page also checks the encoded size, which names
 * outside ASCII can push over first). Each person
 * costs a Graph lookup as the admin inside a resolver's 25 s: 1,000 people are 50 `$batch` calls.
 * A bigger organization exports by group ("Users from selected groups only") and imports each
 * file: a re-import updates in place.
 */
export const EXPORT_LIMITS = { maxChars: 400_000, maxPeople: 1_000 } as const;

export interface ExportedPerson {
  line: number;
  accountId: string;
  email: string;
  name: string;
  /** False when the export says the Atlassian account is suspended or deactivated. */
  active: boolean;
}

export type ExportRead = { ok: true; people: ExportedPerson[] } | { ok: false; message: string };

/** Atlassian account ids: `557058:…` (older) or 24 hex digits; letters, digits, `:` and `-`. */
const ACCOUNT_ID = /^[A-Za-z0-9:-]{1,128}$/;
/** Good enough to look up, strict enough to refuse a shifted column. */
const EMAIL = /^[^\s@"'<>(),;]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z]{2,63}$/;
const INACTIVE = ['suspended', 'deactivated', 'inactive', 'no', 'false'];
const MAX_LINE_ERRORS = 5;

const columnOf = (header: readonly string[], names: readonly string[]): number =>
  header.findIndex((h) => names.includes(h.trim().toLowerCase()));

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

const readRow = (
  record: CsvRecord,
  width: number,
  at: { accountId: number; email: number; name: number; status: number },
): ExportedPerson | string => {
  if (record.fields.length !== width) {
    return `Line ${record.line} has ${plural(record.fields.length, 'field')}, the header has ${width}.`;
  }
  const field = (i: number) => (i < 0 ? '' : (record.fields[i] ?? '').trim());
  const accountId = field(at.accountId);
  const email = field(at.email).toLowerCase();
  if (!ACCOUNT_ID.test(accountId)) return `Line ${record.line}: the user id is missing or malformed.`;
  if (!EMAIL.test(email)) return `Line ${record.line}: “${email.slice(0, 80)}” is not an e-mail address.`;
  const status = field(at.status).toLowerCase();
  return {
    line: record.line,
    accountId,
    email,
    name: field(at.name).normalize('NFC').slice(0, 200),
    active: !INACTIVE.includes(status),
  };
};

/** The people in an export, or one message that names what is wrong and where. */
export const readUserExport = (text: string): ExportRead => {
  if (text.length > EXPORT_LIMITS.maxChars) {
    return {
      ok: false,
      message: `The file is too large (over ${EXPORT_LIMITS.maxChars.toLocaleString('en')} characters). Export the users of some groups at a time and import each file.`,
    };
  }
  const parsed = parseCsv(text, EXPORT_LIMITS.maxPeople + 1);
  if (!parsed.ok) return { ok: false, message: `Line ${parsed.line}: ${parsed.message}.` };
  const [header, ...rows] = parsed.records;
  if (!header)
    return { ok: false, message: 'The file is empty. Choose the CSV that Export users downloaded.' };
  const at = {
    accountId: columnOf(header.fields, EXPORT_COLUMNS.accountId),
    email: columnOf(header.fields, EXPORT_COLUMNS.email),
    name: columnOf(header.fields, EXPORT_COLUMNS.name),
    status: columnOf(header.fields, EXPORT_COLUMNS.status),
  };
  if (at.accountId < 0 || at.email < 0) {
    const missing = [at.accountId < 0 ? '“User id”' : '', at.email < 0 ? '“email”' : ''].filter(Boolean);
    return {
      ok: false,
      message: `Line ${header.line}: the header has no ${missing.join(' or ')} column. Choose the CSV from admin.atlassian.com → Directory → Users → Export users.`,
    };
  }
  if (rows.length === 0) return { ok: false, message: 'The file has a header but no people.' };
  if (rows.length > EXPORT_LIMITS.maxPeople) {
    return {
      ok: false,
      message: `The file lists more than ${EXPORT_LIMITS.maxPeople.toLocaleString('en')} people. Export the users of some groups at a time and import each file.`,
    };
  }
  const people: ExportedPerson[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  for (const row of rows) {
    const person = readRow(row, header.fields.length, at);
    if (typeof person === 'string') errors.push(person);
    // A pivoted or older export may list a person once per group: the first row counts.
    else if (!seen.has(person.accountId)) {
      seen.add(person.accountId);
      people.push(person);
    }
  }
  if (errors.length > 0) {
    const more = errors.length > MAX_LINE_ERRORS ? ` (and ${errors.length - MAX_LINE_ERRORS} more)` : '';
    return { ok: false, message: `${errors.slice(0, MAX_LINE_ERRORS).join(' ')}${more}` };
  }
  return { ok: true, people };
};
