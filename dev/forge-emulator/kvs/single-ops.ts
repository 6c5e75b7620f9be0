import type { EmulatorCore } from '../core/emulator-core';
import { checkEntityValue } from './entity-schema';
import { KvsServiceError, badRequest } from './kvs-errors';
import type { StoredEntry } from './kvs-store';
import { expiryFrom, validateKey, validateValue, valueBytes } from './kvs-validation';
import type { StorageTarget } from './storage-target';

/** Options of set/setSecret/entity().set as the SDK sends them (storage-reference/kvs-api "kvs.set options"). */
export interface SetOptions {
  ttl?: unknown;
  keyPolicy?: 'OVERRIDE' | 'FAIL_IF_EXISTS';
  returnValue?: 'PREVIOUS' | 'LATEST';
  returnMetadataFields?: string[];
}

/** A validated write, not yet applied. */
export interface PreparedWrite {
  target: StorageTarget;
  key: string;
  entry: StoredEntry;
  previous?: StoredEntry;
}

export const keyNotFound = (): KvsServiceError =>
  new KvsServiceError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');

export function readValue(
  core: EmulatorCore,
  target: StorageTarget,
  rawKey: unknown,
): StoredEntry | undefined {
  const key = validateKey(rawKey, target.flavour);
  const entry = core.kvs.read(target.space, key);
  if (entry) core.stats.kvsBytes(valueBytes(entry.value), 0);
  return entry;
}

export function prepareWrite(
  core: EmulatorCore,
  target: StorageTarget,
  rawKey: unknown,
  rawValue: unknown,
  options: SetOptions = {},
): PreparedWrite {
  const key = validateKey(rawKey, target.flavour);
  let value = rawValue;
  if (target.entity) {
    const checked = checkEntityValue(target.entity, rawValue);
    value = checked.value;
    if (checked.dropped.length > 0) {
      core.warn(
        `entity '${target.entity.name}' key '${key}': attributes not declared in manifest.yml were not stored: ${checked.dropped.join(', ')}`,
      );
    }
  }
  validateValue(value, target.maxBytes);
  if (
    options.keyPolicy !== undefined &&
    options.keyPolicy !== 'OVERRIDE' &&
    options.keyPolicy !== 'FAIL_IF_EXISTS'
  ) {
    throw badRequest('BAD_REQUEST', `Unknown keyPolicy '${String(options.keyPolicy)}'`);
  }
  if (options.returnValue !== undefined && options.keyPolicy === 'FAIL_IF_EXISTS') {
    throw badRequest('BAD_REQUEST', "returnValue needs keyPolicy 'OVERRIDE'");
  }
  const now = core.options.clock();
  const previous = core.kvs.read(target.space, key);
  const entry: StoredEntry = {
    value,
    createdAt: previous?.createdAt ?? now,
    updatedAt: now,
    expiresAt: expiryFrom(options.ttl, now),
  };
  return { target, key, entry, previous };
}

export function applyWrite(core: EmulatorCore, write: PreparedWrite, keyPolicy?: string): void {
  if (keyPolicy === 'FAIL_IF_EXISTS' && write.previous) {
    throw new KvsServiceError(409, 'KEY_ALREADY_EXISTS', `The key '${write.key}' already exists.`);
  }
  core.kvs.write(write.target.space, write.key, write.entry);
  core.stats.kvsBytes(0, valueBytes(write.entry.value));
}

export function deleteValue(core: EmulatorCore, target: StorageTarget, rawKey: unknown): void {
  // Deleting succeeds whether the key exists or not (storage-reference/kvs-api, "kvs.delete").
  core.kvs.remove(target.space, validateKey(rawKey, target.flavour));
}
