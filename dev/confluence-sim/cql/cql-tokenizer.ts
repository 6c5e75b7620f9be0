import { CqlSyntaxError } from './cql-ast';

/** A CQL token: punctuation, an operator, a quoted string or a bare word (field, keyword, value). */
export interface CqlToken {
  kind: 'lparen' | 'rparen' | 'comma' | 'operator' | 'string' | 'word';
  text: string;
}

const OPERATORS = ['!=', '!~', '>=', '<=', '=', '~', '>', '<'];
const WORD = /^[A-Za-z0-9_.:@*\-+]+/;

/** Splits CQL into tokens; quoted strings accept `"` or `'` with backslash escapes. */
export function tokenizeCql(cql: string): CqlToken[] {
  const tokens: CqlToken[] = [];
  let i = 0;
  while (i < cql.length) {
    const ch = cql[i];
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')' || ch === ',') {
      tokens.push({ kind: ch === '(' ? 'lparen' : ch === ')' ? 'rparen' : 'comma', text: ch });
      i++;
    } else if (ch === '"' || ch === "'") {
      let text = '';
      i++;
      while (i < cql.length && cql[i] !== ch) {
        if (cql[i] === '\\' && i + 1 < cql.length) i++;
        text += cql[i++];
      }
      if (i >= cql.length) throw new CqlSyntaxError('unterminated string');
      i++;
      tokens.push({ kind: 'string', text });
    } else {
      const op = OPERATORS.find((o) => cql.startsWith(o, i));
      if (op) {
        tokens.push({ kind: 'operator', text: op });
        i += op.length;
        continue;
      }
      const word = WORD.exec(cql.slice(i));
      if (!word) throw new CqlSyntaxError(`unexpected character '${ch}' at ${i}`);
      tokens.push({ kind: 'word', text: word[0] });
      i += word[0].length;
    }
  }
  return tokens;
}
