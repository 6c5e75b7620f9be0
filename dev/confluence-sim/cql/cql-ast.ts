/** The fields of the CQL subset the simulator understands. */
export type CqlField =
  | 'id'
  | 'space'
  | 'type'
  | 'label'
  | 'title'
  | 'text'
  | 'ancestor'
  | 'parent'
  | 'creator'
  | 'created'
  | 'lastmodified';

export type CqlOperator = '=' | '!=' | '~' | '!~' | 'in' | 'not in' | '>' | '>=' | '<' | '<=';

/** A parsed CQL expression. */
export type CqlNode =
  | { kind: 'and' | 'or'; left: CqlNode; right: CqlNode }
  | { kind: 'not'; operand: CqlNode }
  | { kind: 'clause'; field: CqlField; operator: CqlOperator; values: string[] };

/** One `order by` key. */
export interface CqlOrder {
  field: 'created' | 'lastmodified' | 'title' | 'id';
  direction: 'asc' | 'desc';
}

/** A whole query: the condition and its ordering. */
export interface CqlQuery {
  where: CqlNode;
  orderBy: CqlOrder[];
}

/** A CQL text Confluence would refuse; the search endpoint answers 400. */
export class CqlSyntaxError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'CqlSyntaxError';
  }
}
