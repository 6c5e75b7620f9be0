/*
 * Invariant 3: a rule's CQL filter is run as `id = <contentId> AND (<filter>)` as the rule's
 * owner. A filter that closes that group early (`x) OR (type = page`) or appends a clause of its
 * own (`ORDER BY`) escapes the `id = …` condition and matches everything. Confluence cannot tell
 * us, since the joined query is valid CQL; the filter has to be judged on its own.
 * @see https://developer.atlassian.com/cloud/confluence/advanced-searching-using-cql/
 */

const QUOTES = new Set(['"', "'"]);

/** The filter with every quoted value blanked out, or the problem found while reading it. */
const unquoted = (cql: string): { text: string } | { problem: string } => {
  let text = '';
  let quote: string | null = null;
  for (let i = 0; i < cql.length; i++) {
    const ch = cql[i];
    if (quote) {
      // Inside a value a backslash escapes the next character, the closing quote included.
      if (ch === '\\') i++;
      else if (ch === quote) quote = null;
      text += ' ';
    } else if (QUOTES.has(ch)) {
      quote = ch;
      text += ' ';
    } else if (ch === '\\') {
      // Outside quotes Confluence's reading of an escape is not documented: refuse rather than guess.
      return { problem: 'A backslash can only appear inside a quoted value ("…").' };
    } else {
      text += ch;
    }
  }
  if (quote) return { problem: `A quoted value is not closed: add the missing ${quote}.` };
  return { text };
};

/**
 * Why `cql` cannot stand on its own as a filter, in words for the person editing it, or null
 * when it can. Brackets and quotes must balance (brackets inside quoted values do not count), and
 * `ORDER BY` has no place in a filter.
 */
export const cqlFilterProblem = (cql: string): string | null => {
  const read = unquoted(cql);
  if ('problem' in read) return read.problem;
  let depth = 0;
  for (const ch of read.text) {
    if (ch === '(') depth++;
    if (ch === ')' && --depth < 0) {
      return 'The filter closes a bracket it did not open, which would let it match other content. Balance its brackets.';
    }
  }
  if (depth > 0) return 'A bracket is not closed: add the missing ")".';
  if (/\border\s+by\b/i.test(read.text)) return 'ORDER BY cannot be part of a filter: remove it.';
  return null;
};
