import {
  type CqlField,
  type CqlNode,
  type CqlOperator,
  type CqlOrder,
  type CqlQuery,
  CqlSyntaxError,
} from './cql-ast';
import { type CqlToken, tokenizeCql } from './cql-tokenizer';

/*
 * A recursive-descent parser for the CQL subset the app uses:
 *   query   := or [ORDER BY key [ASC|DESC] {, key [ASC|DESC]}]
 *   or      := and {OR and}      and := not {AND not}      not := NOT not | '(' or ')' | clause
 *   clause  := field op value | field [NOT] IN '(' value {, value} ')'
 * @see https://developer.atlassian.com/cloud/confluence/advanced-searching-using-cql/
 */

const FIELD_ALIASES: Record<string, CqlField> = {
  id: 'id',
  content: 'id',
  space: 'space',
  'space.key': 'space',
  type: 'type',
  label: 'label',
  title: 'title',
  text: 'text',
  ancestor: 'ancestor',
  parent: 'parent',
  creator: 'creator',
  created: 'created',
  lastmodified: 'lastmodified',
};

const OPERATORS_BY_FIELD: Record<CqlField, CqlOperator[]> = {
  id: ['=', '!=', 'in', 'not in'],
  space: ['=', '!=', 'in', 'not in'],
  type: ['=', '!=', 'in', 'not in'],
  label: ['=', '!=', 'in', 'not in'],
  ancestor: ['=', '!=', 'in', 'not in'],
  parent: ['=', '!=', 'in', 'not in'],
  creator: ['=', '!=', 'in', 'not in'],
  title: ['=', '!=', '~', '!~'],
  text: ['~', '!~'],
  created: ['=', '!=', '>', '>=', '<', '<='],
  lastmodified: ['=', '!=', '>', '>=', '<', '<='],
};

const ORDER_FIELDS: Record<string, CqlOrder['field']> = {
  created: 'created',
  lastmodified: 'lastmodified',
  title: 'title',
  id: 'id',
};

const CQL_DATE = /^(\d{4})[-/](\d{2})[-/](\d{2})(?: (\d{2}):(\d{2}))?$/;

/**
 * The instants a CQL date value covers, `[start, end)` in epoch ms: a whole day for a date, one
 * minute for a date with a time. Confluence reads them in the searcher's time zone; the
 * simulator's people all live in UTC. Null when the value is not one of the documented formats.
 * @see https://developer.atlassian.com/cloud/confluence/cql-fields/#last-modified
 */
export function cqlDateRange(value: string): { start: number; end: number } | null {
  const parts = CQL_DATE.exec(value);
  if (!parts) return null;
  const [, y, mo, d, h, mi] = parts;
  const start = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0));
  const date = new Date(start);
  if (date.getUTCDate() !== Number(d) || date.getUTCMonth() !== Number(mo) - 1) return null;
  return { start, end: start + (h === undefined ? 86_400_000 : 60_000) };
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: CqlToken[]) {}

  parse(): CqlQuery {
    const where = this.parseOr();
    const orderBy = this.parseOrderBy();
    if (this.peek()) throw new CqlSyntaxError(`unexpected '${this.peek()?.text}'`);
    return { where, orderBy };
  }

  private peek(): CqlToken | undefined {
    return this.tokens[this.pos];
  }

  private isKeyword(word: string, offset = 0): boolean {
    const token = this.tokens[this.pos + offset];
    return token?.kind === 'word' && token.text.toLowerCase() === word;
  }

  private next(expected: string): CqlToken {
    const token = this.tokens[this.pos++];
    if (!token) throw new CqlSyntaxError(`expected ${expected} but the query ended`);
    return token;
  }

  private parseOr(): CqlNode {
    let left = this.parseAnd();
    while (this.isKeyword('or')) {
      this.pos++;
      left = { kind: 'or', left, right: this.parseAnd() };
    }
    return left;
  }

  private parseAnd(): CqlNode {
    let left = this.parseNot();
    while (this.isKeyword('and')) {
      this.pos++;
      left = { kind: 'and', left, right: this.parseNot() };
    }
    return left;
  }

  private parseNot(): CqlNode {
    if (this.isKeyword('not')) {
      this.pos++;
      return { kind: 'not', operand: this.parseNot() };
    }
    if (this.peek()?.kind === 'lparen') {
      this.pos++;
      const inner = this.parseOr();
      if (this.next("')'").kind !== 'rparen') throw new CqlSyntaxError("expected ')'");
      return inner;
    }
    return this.parseClause();
  }

  private parseClause(): CqlNode {
    const fieldToken = this.next('a field');
    const field = fieldToken.kind === 'word' ? FIELD_ALIASES[fieldToken.text.toLowerCase()] : undefined;
    if (!field) throw new CqlSyntaxError(`unknown field '${fieldToken.text}'`);
    let operator: CqlOperator;
    if (this.isKeyword('in')) {
      operator = 'in';
      this.pos++;
    } else if (this.isKeyword('not') && this.isKeyword('in', 1)) {
      operator = 'not in';
      this.pos += 2;
    } else {
      const token = this.next('an operator');
      if (token.kind !== 'operator')
        throw new CqlSyntaxError(`expected an operator after '${fieldToken.text}'`);
      operator = token.text as CqlOperator;
    }
    if (!OPERATORS_BY_FIELD[field].includes(operator)) {
      throw new CqlSyntaxError(`operator '${operator}' is not supported for field '${field}'`);
    }
    const values = operator === 'in' || operator === 'not in' ? this.parseList() : [this.parseValue()];
    if ((field === 'created' || field === 'lastmodified') && !cqlDateRange(values[0])) {
      throw new CqlSyntaxError(`'${values[0]}' is not a date (yyyy-MM-dd or yyyy/MM/dd, optionally HH:mm)`);
    }
    return { kind: 'clause', field, operator, values };
  }

  private parseList(): string[] {
    if (this.next("'('").kind !== 'lparen') throw new CqlSyntaxError("expected '(' after IN");
    const values = [this.parseValue()];
    while (this.peek()?.kind === 'comma') {
      this.pos++;
      values.push(this.parseValue());
    }
    if (this.next("')'").kind !== 'rparen') throw new CqlSyntaxError("expected ')' to close the list");
    return values;
  }

  private parseValue(): string {
    const token = this.next('a value');
    if (token.kind === 'string') return token.text;
    if (token.kind !== 'word') throw new CqlSyntaxError(`expected a value but found '${token.text}'`);
    if (this.peek()?.kind === 'lparen') {
      // A function call such as currentUser(); the evaluator resolves it.
      this.pos++;
      if (this.next("')'").kind !== 'rparen') throw new CqlSyntaxError('functions take no arguments here');
      return `${token.text.toLowerCase()}()`;
    }
    return token.text;
  }

  private parseOrderBy(): CqlOrder[] {
    if (!this.isKeyword('order')) return [];
    this.pos++;
    if (!this.isKeyword('by')) throw new CqlSyntaxError("expected 'by' after 'order'");
    this.pos++;
    const keys: CqlOrder[] = [];
    do {
      if (keys.length) this.pos++;
      const token = this.next('an order field');
      const field = ORDER_FIELDS[token.text.toLowerCase()];
      if (!field) throw new CqlSyntaxError(`cannot order by '${token.text}'`);
      let direction: CqlOrder['direction'] = 'asc';
      if (this.isKeyword('asc') || this.isKeyword('desc'))
        direction = this.next('a direction').text.toLowerCase() as CqlOrder['direction'];
      keys.push({ field, direction });
    } while (this.peek()?.kind === 'comma');
    return keys;
  }
}

/** Parses CQL, throwing `CqlSyntaxError` for anything outside the supported subset. */
export function parseCql(cql: string): CqlQuery {
  if (!cql.trim()) throw new CqlSyntaxError('the query is empty');
  return new Parser(tokenizeCql(cql)).parse();
}
