import type { EmulatorCore } from '../core/emulator-core';
import type { EntityDefinition } from '../manifest/manifest-model';
import { resolveEntity } from './entity-schema';
import type { SpaceId, StoredEntry } from './kvs-store';
import { MAX_SECRET_BYTES, MAX_VALUE_BYTES } from './kvs-validation';

/** Where a key lives and which limits apply to it. */
export interface StorageTarget {
  space: SpaceId;
  maxBytes: number;
  flavour: 'kvs' | 'entity';
  entity?: EntityDefinition;
}

export function kvsTarget(): StorageTarget {
  return { space: 'kvs', maxBytes: MAX_VALUE_BYTES, flavour: 'kvs' };
}

export function secretTarget(): StorageTarget {
  return { space: 'secret', maxBytes: MAX_SECRET_BYTES, flavour: 'kvs' };
}

/** A plain key when `entityName` is absent (batch and transaction items mix both). */
export function targetFor(core: EmulatorCore, entityName: unknown): StorageTarget {
  if (entityName === undefined || entityName === null) return kvsTarget();
  const entity = resolveEntity(core.manifest.entities, entityName);
  return { space: `entity:${entity.name}`, maxBytes: MAX_VALUE_BYTES, flavour: 'entity', entity };
}

/** Metadata fields a caller may ask for (`MetadataField` of @forge/kvs). */
export type MetadataFields = readonly string[] | 'all';

/** The service's record shape: key, value and the requested metadata. */
export function toRecord(
  key: string,
  entry: StoredEntry,
  fields: MetadataFields | undefined,
): Record<string, unknown> {
  const wants = (field: string) => fields === 'all' || (fields ?? []).includes(field);
  return {
    key,
    value: entry.value,
    ...(wants('CREATED_AT') ? { createdAt: entry.createdAt } : {}),
    ...(wants('UPDATED_AT') ? { updatedAt: entry.updatedAt } : {}),
    ...(wants('EXPIRE_TIME') && entry.expiresAt !== undefined
      ? { expireTime: new Date(entry.expiresAt).toISOString() }
      : {}),
  };
}
