import type { EntityDefinition } from '../manifest/manifest-model';
import { KvsServiceError, badRequest } from './kvs-errors';

/** A condition as `WhereConditions`/`FilterConditions` of `@forge/kvs` build it (conditions.js). */
export interface Condition {
  property?: string;
  condition: string;
  values: unknown[];
}

export interface ParsedFilters {
  operator: 'and' | 'or';
  items: Condition[];
}

/** Conditions allowed on an index range (storage-reference/entities-api-query, "where"). */
export const WHERE_CONDITIONS = new Set([
  'BEGINS_WITH',
  'BETWEEN',
  'EQUAL_TO',
  'GREATER_THAN',
  'GREATER_THAN_EQUAL_TO',
  'LESS_THAN',
  'LESS_THAN_EQUAL_TO',
]);
/** Conditions allowed in `filters` and transaction conditions ("filters"). */
export const FILTER_CONDITIONS = new Set([
  ...WHERE_CONDITIONS,
  'CONTAINS',
  'NOT_CONTAINS',
  'NOT_EQUAL_TO',
  'EXISTS',
  'NOT_EXISTS',
]);

export function checkCondition(raw: unknown, allowed: Set<string>): Condition {
  const condition = (raw ?? {}) as Condition;
  if (!allowed.has(condition.condition)) {
    throw badRequest(
      'INVALID_FILTER_CONDITION',
      `The condition '${String(condition.condition)}' is not supported here.`,
    );
  }
  const values = Array.isArray(condition.values) ? condition.values : [];
  if (condition.condition === 'BETWEEN' && values.length !== 2) {
    throw badRequest('INSUFFICIENT_FILTER_VALUES', 'The BETWEEN condition needs two values.');
  }
  if (condition.condition !== 'BETWEEN' && values.length !== 1) {
    throw badRequest('INVALID_FILTER_VALUES', `The condition '${condition.condition}' takes one value.`);
  }
  return { ...condition, values };
}

/** Only typed attributes can be filtered on; `any` answers 422 (entities-api-query, "Conditions"). */
export function checkFilterAttribute(entity: EntityDefinition, property: unknown): void {
  const type = typeof property === 'string' ? entity.attributes.get(property) : undefined;
  if (!type) {
    throw badRequest(
      'INVALID_ENTITY_ATTRIBUTE',
      `Entity '${entity.name}' has no attribute '${String(property)}'.`,
    );
  }
  if (type === 'any') {
    throw new KvsServiceError(
      422,
      'UNPROCESSABLE_ENTITY',
      `Attribute '${String(property)}' of type any cannot be filtered on.`,
    );
  }
}

export function parseFilters(raw: unknown, entity: EntityDefinition): ParsedFilters | undefined {
  if (raw === undefined || raw === null) return undefined;
  const { and, or } = raw as { and?: unknown; or?: unknown };
  if (and !== undefined && or !== undefined) {
    throw badRequest(
      'INVALID_FILTER_OPERATORS_COMBINATION',
      'Filter operators "and" and "or" cannot be present at the same level.',
    );
  }
  const items = and ?? or;
  if (!Array.isArray(items) || items.length === 0) {
    throw badRequest('EMPTY_FILTER_OPERATOR', 'Filter operators "and" and "or" cannot be empty.');
  }
  const conditions = items.map((item) => checkCondition(item, FILTER_CONDITIONS));
  conditions.forEach((condition) => checkFilterAttribute(entity, condition.property));
  return { operator: and !== undefined ? 'and' : 'or', items: conditions };
}

/** Orders two scalars of the same type; values of different types do not compare. */
export function compareValues(a: unknown, b: unknown): number | undefined {
  if (typeof a !== typeof b || (typeof a !== 'string' && typeof a !== 'number' && typeof a !== 'boolean')) {
    return undefined;
  }
  return a === b ? 0 : (a as string | number) < (b as string | number) ? -1 : 1;
}

export function matches(actual: unknown, condition: Condition): boolean {
  const [first, second] = condition.values;
  if (condition.condition === 'EXISTS') return actual !== undefined;
  if (condition.condition === 'NOT_EXISTS') return actual === undefined;
  if (actual === undefined) return false;
  const order = compareValues(actual, first);
  switch (condition.condition) {
    case 'BEGINS_WITH':
      return typeof actual === 'string' && actual.startsWith(String(first));
    case 'CONTAINS':
    case 'NOT_CONTAINS': {
      const contained =
        typeof actual === 'string'
          ? actual.includes(String(first))
          : Array.isArray(actual) && actual.includes(first);
      return condition.condition === 'CONTAINS' ? contained : !contained;
    }
    case 'EQUAL_TO':
      return actual === first;
    case 'NOT_EQUAL_TO':
      return actual !== first;
    case 'GREATER_THAN':
      return order !== undefined && order > 0;
    case 'GREATER_THAN_EQUAL_TO':
      return order !== undefined && order >= 0;
    case 'LESS_THAN':
      return order !== undefined && order < 0;
    case 'LESS_THAN_EQUAL_TO':
      return order !== undefined && order <= 0;
    case 'BETWEEN': {
      const upper = compareValues(actual, second);
      return order !== undefined && upper !== undefined && order >= 0 && upper <= 0;
    }
    default:
      return false;
  }
}

export function evaluateFilters(value: Record<string, unknown>, filters: ParsedFilters): boolean {
  const results = filters.items.map((item) => matches(value[item.property ?? ''], item));
  return filters.operator === 'and' ? results.every(Boolean) : results.some(Boolean);
}
