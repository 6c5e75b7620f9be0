import { cqlFilterProblem } from '../../../src/domain/cql-filter';

/**
 * Invariant 3: the consumer runs a rule's filter as `id = <id> AND (<cql>)`, so a filter must
 * stay inside that group; one that closes it early (`x) OR (type = page`) matches everything.
 */
describe('invariant 3: a CQL filter stands on its own inside `id = <id> AND (…)`', () => {
  it.each([
    ['a plain clause', 'label = release'],
    ['groups that open and close', '(label = release OR label = adr) AND (space = ENG)'],
    ['brackets inside a double-quoted value', 'title ~ "plan) OR (type = page"'],
    ['brackets inside a single-quoted value', "title ~ 'a) OR (b'"],
    ['an escaped quote inside a value', 'title ~ "say \\"hi\\") OR (x"'],
    ['an escaped backslash before the closing quote', 'title ~ "C:\\\\" AND label = x'],
    ['IN lists and functions', 'creator in (currentUser()) AND label not in (a, b)'],
    ['the words order and by inside a value', 'title ~ "order by date"'],
  ])('accepts %s', (_name, cql) => {
    expect(cqlFilterProblem(cql)).toBeNull();
  });

  it.each([
    ['a bracket that closes the group early', 'label = release) OR (type = page', 'closes'],
    ['more closing than opening', '(label = a)) OR ((type = page)', 'closes'],
    ['a bracket left open', '(label = a', 'not closed'],
    ['an unterminated double quote', 'title ~ "plan) OR (type = page', 'quoted value'],
    ['an unterminated single quote', "title ~ 'plan", 'quoted value'],
    ['a quote escaped at the very end', 'title ~ "plan\\"', 'quoted value'],
    ['ORDER BY', 'label = release ORDER BY created', 'ORDER BY'],
    ['order by in any case and spacing', 'label = x order\n by title', 'ORDER BY'],
    ['a backslash outside a quoted value', 'title ~ plan\\) OR (type = page', 'backslash'],
  ])('refuses %s, saying what is wrong', (_name, cql, words) => {
    expect(cqlFilterProblem(cql)).toEqual(expect.stringContaining(words));
  });
});
