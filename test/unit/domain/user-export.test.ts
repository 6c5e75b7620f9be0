import { parseCsv } from '../../../src/domain/csv';
import { EXPORT_LIMITS, readUserExport } from '../../../src/domain/user-export';
import { SAMPLE_EXPORT } from '../../support/user-export-fixture';

const HEADER = 'User id,User name,email,User status';
const file = (...rows: string[]) => [HEADER, ...rows].join('\r\n');

describe('CSV (RFC 4180)', () => {
  it('reads quotes, commas and line breaks inside quotes, doubled quotes, CRLF and LF, and a BOM', () => {
    const parsed = parseCsv('\uFEFFa,b\r\n"x, y","say ""hi""\nthere"\n\nlast,', 10);
    expect(parsed).toEqual({
      ok: true,
      records: [
        { line: 1, fields: ['a', 'b'] },
        { line: 2, fields: ['x, y', 'say "hi"\nthere'] },
        { line: 5, fields: ['last', ''] },
      ],
    });
  });

  it('names the line of an unclosed quote and of a stray quote', () => {
    expect(parseCsv('a,b\r\n1,"open\r\n2,3', 10)).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('a,b\n1,x"y', 10)).toMatchObject({ ok: false, line: 2 });
    expect(parseCsv('a,b\n"1"x,2', 10)).toMatchObject({ ok: false, line: 2 });
  });
});

describe("reading Atlassian's user export", () => {
  it('reads the sample export: every person once, e-mails in lower case, names as written', () => {
    const read = readUserExport(SAMPLE_EXPORT);
    if (!read.ok) throw new Error(read.message);
    expect(read.people).toHaveLength(9);
    expect(read.people[1]).toEqual({
      line: 3,
      accountId: '61a7c1b2d4e5f60001a0d002',
      email: 'sam@contoso.example',
      name: 'Sam Spaceadmin',
      active: true,
    });
    expect(read.people.find((p) => p.email === 'vic@contoso.example')?.name).toBe('Viewer, Vic');
    expect(read.people.find((p) => p.email === 'nora@fabrikam.example')?.name).toBe('Nora "Nowhere" Nilsson');
    expect(read.people.find((p) => p.email === 'dee@contoso.example')?.active).toBe(false);
  });

  it('matches the header by name, in any order and case, ignoring other columns', () => {
    const read = readUserExport('Last seen,EMAIL,Extra,user ID\n2026,mia@contoso.example,x,abc-123');
    expect(read).toEqual({
      ok: true,
      people: [{ line: 2, accountId: 'abc-123', email: 'mia@contoso.example', name: '', active: true }],
    });
  });

  it('keeps the first row of a person listed twice (an export per group)', () => {
    const read = readUserExport(file('a1,Ann,ann@x.example,Active', 'a1,Ann,ann@x.example,Active'));
    expect(read.ok && read.people).toHaveLength(1);
  });

  it.each([
    ['an empty file', '', 'The file is empty'],
    ['a header alone', HEADER, 'no people'],
    ['no e-mail column', 'User id,User name\na1,Ann', 'Line 1: the header has no “email” column'],
    ['no columns it knows', 'foo,bar\n1,2', 'no “User id” or “email” column'],
    ['a short row', file('a1,Ann,ann@x.example,Active', 'a2,Bob'), 'Line 3 has 2 fields, the header has 4'],
    [
      'a bad e-mail',
      file('a1,Ann,not-an-address,Active'),
      'Line 2: “not-an-address” is not an e-mail address',
    ],
    ['a bad user id', file('a 1,Ann,ann@x.example,Active'), 'Line 2: the user id is missing or malformed'],
    ['an unclosed quote', file('a1,"Ann,ann@x.example,Active'), 'Line 2: a quoted field is never closed'],
  ])('refuses %s with a message naming the line', (_name, text, message) => {
    const read = readUserExport(text);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.message).toContain(message);
  });

  it('lists at most five broken lines, and says how many more', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `a${i},N,bad${i},Active`);
    const read = readUserExport(file(...rows));
    expect(!read.ok && read.message).toContain('Line 6:');
    expect(!read.ok && read.message).not.toContain('Line 7:');
    expect(!read.ok && read.message).toContain('(and 3 more)');
  });

  it('refuses a file over the size cap and one over the people cap, saying what to do', () => {
    const huge = readUserExport(`${HEADER}\n${'x'.repeat(EXPORT_LIMITS.maxChars)}`);
    expect(!huge.ok && huge.message).toContain('too large');
    const many = Array.from(
      { length: EXPORT_LIMITS.maxPeople + 1 },
      (_, i) => `a${i},N,p${i}@x.example,Active`,
    );
    const crowded = readUserExport(file(...many));
    expect(!crowded.ok && crowded.message).toContain('more than 1,000 people');
    expect(!crowded.ok && crowded.message).toContain('some groups at a time');
  });
});
