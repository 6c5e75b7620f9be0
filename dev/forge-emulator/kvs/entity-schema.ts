import type { AttributeType, EntityDefinition } from '../manifest/manifest-model';
import { badRequest } from './kvs-errors';

const INT_MIN = -2_147_483_648;
const INT_MAX = 2_147_483_647;
const FLOAT_MIN = 1e-130;
/** Floats must stay below 1E+126 (the documented maximum is 9.99…E+125 with 38 digits). */
const FLOAT_LIMIT = 1e126;

/** Value rules per attribute type (storage-reference/entities-manifest, "Values"). */
export function fitsType(type: AttributeType, value: unknown): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string' && value.trim().length > 0;
    case 'integer':
      return Number.isInteger(value) && (value as number) >= INT_MIN && (value as number) <= INT_MAX;
    case 'float': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return false;
      const magnitude = Math.abs(value);
      return value === 0 || (magnitude >= FLOAT_MIN && magnitude < FLOAT_LIMIT);
    }
    case 'boolean':
      return typeof value === 'boolean';
    case 'any':
      return value !== null && value !== undefined;
  }
}

export function resolveEntity(entities: Map<string, EntityDefinition>, name: unknown): EntityDefinition {
  const entity = typeof name === 'string' ? entities.get(name) : undefined;
  if (!entity) {
    throw badRequest(
      'INVALID_ENTITY_TYPE',
      `Entity '${String(name)}' is not declared under app.storage.entities.`,
    );
  }
  return entity;
}

/**
 * Checks a custom entity value against its declared attributes. The store keeps declared attributes only:
 * anything else is dropped (and reported), so an app that forgets to declare an attribute finds out here.
 */
export function checkEntityValue(
  entity: EntityDefinition,
  value: unknown,
): { value: object; dropped: string[] } {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw badRequest('INVALID_ENTITY_VALUE', `A value of entity '${entity.name}' must be an object.`);
  }
  const kept: Record<string, unknown> = {};
  const dropped: string[] = [];
  for (const [attribute, attributeValue] of Object.entries(value)) {
    const type = entity.attributes.get(attribute);
    if (!type) {
      dropped.push(attribute);
      continue;
    }
    if (attributeValue === undefined) continue;
    if (!fitsType(type, attributeValue)) {
      throw badRequest(
        'INVALID_ENTITY_VALUE',
        `Attribute '${attribute}' of entity '${entity.name}' must be of type ${type}; got ${JSON.stringify(attributeValue)}.`,
      );
    }
    kept[attribute] = attributeValue;
  }
  return { value: kept, dropped };
}
