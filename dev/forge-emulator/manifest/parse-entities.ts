import type { AttributeType, EntityDefinition, EntityIndex } from './manifest-model';

const ATTRIBUTE_TYPES: readonly AttributeType[] = ['string', 'integer', 'float', 'boolean', 'any'];

/** Every entity can be queried by key without declaring it (storage-reference/entities-manifest, "Key index"). */
export const KEY_INDEX = 'by-key';

type Raw = Record<string, unknown>;

const asRecord = (value: unknown): Raw =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Raw) : {};

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

const asStrings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];

function parseIndex(entity: string, raw: unknown, attributes: Map<string, AttributeType>): EntityIndex {
  if (typeof raw === 'string') {
    if (!attributes.has(raw)) {
      throw new Error(
        `manifest.yml: simple index '${raw}' of entity '${entity}' is not a declared attribute`,
      );
    }
    return { name: raw, partition: [], range: raw };
  }
  const index = asRecord(raw);
  const name = text(index.name);
  const range = asStrings(index.range);
  if (!name || range.length !== 1) {
    throw new Error(
      `manifest.yml: entity '${entity}' has an index without a name or with a range other than one attribute`,
    );
  }
  const partition = asStrings(index.partition);
  for (const attribute of [...partition, ...range]) {
    if (!attributes.has(attribute)) {
      throw new Error(
        `manifest.yml: index '${name}' of entity '${entity}' uses undeclared attribute '${attribute}'`,
      );
    }
  }
  return { name, partition, range: range[0] };
}

/** Reads `app.storage.entities`: attributes with their types and indexes (plus the built-in key index). */
export function parseEntities(raw: unknown): Map<string, EntityDefinition> {
  const entities = new Map<string, EntityDefinition>();
  for (const item of Array.isArray(raw) ? raw : []) {
    const entity = asRecord(item);
    const name = text(entity.name);
    if (!name) throw new Error('manifest.yml: an entity under app.storage.entities has no name');
    const attributes = new Map<string, AttributeType>();
    for (const [attribute, spec] of Object.entries(asRecord(entity.attributes))) {
      const type = asRecord(spec).type as AttributeType;
      if (!ATTRIBUTE_TYPES.includes(type)) {
        throw new Error(
          `manifest.yml: attribute '${attribute}' of entity '${name}' has unknown type '${String(type)}'`,
        );
      }
      attributes.set(attribute, type);
    }
    const indexes = new Map<string, EntityIndex>([
      [KEY_INDEX, { name: KEY_INDEX, partition: [], range: 'key' }],
    ]);
    for (const rawIndex of Array.isArray(entity.indexes) ? entity.indexes : []) {
      const index = parseIndex(name, rawIndex, attributes);
      indexes.set(index.name, index);
    }
    entities.set(name, { name, attributes, indexes });
  }
  return entities;
}
