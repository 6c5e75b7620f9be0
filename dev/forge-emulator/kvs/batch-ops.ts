import type { EmulatorCore } from '../core/emulator-core';
import { KvsServiceError, badRequest } from './kvs-errors';
import { applyWrite, deleteValue, prepareWrite, readValue, type SetOptions } from './single-ops';
import { targetFor, toRecord } from './storage-target';

/** One item of batchSet/batchGet/batchDelete (kvs-api.d.ts BatchSetItem and friends). */
interface BatchItem {
  key: unknown;
  entityName?: string;
  value?: unknown;
  options?: SetOptions & { metadataFields?: string[] };
}

type BatchOutcome = { successfulKeys: unknown[]; failedKeys: unknown[] };

const MAX_BATCH_ITEMS = 25;

/** A batch fails as a whole when it is empty, too big, or names a key twice (storage-reference/kvs-batch). */
function checkBatch(body: unknown): BatchItem[] {
  if (!Array.isArray(body) || body.length === 0)
    throw badRequest('BAD_REQUEST', 'A batch must contain at least one key.');
  if (body.length > MAX_BATCH_ITEMS) {
    throw badRequest('BAD_REQUEST', `A batch can contain at most ${MAX_BATCH_ITEMS} keys.`);
  }
  const seen = new Set<string>();
  for (const item of body as BatchItem[]) {
    const id = `${item.entityName ?? ''}\u0000${String(item.key)}`;
    if (seen.has(id))
      throw badRequest('BAD_REQUEST', `The key '${String(item.key)}' appears more than once in the batch.`);
    seen.add(id);
  }
  return body as BatchItem[];
}

function runBatch(body: unknown, operate: (item: BatchItem) => unknown): BatchOutcome {
  const outcome: BatchOutcome = { successfulKeys: [], failedKeys: [] };
  for (const item of checkBatch(body)) {
    const id = { key: item.key, ...(item.entityName ? { entityName: item.entityName } : {}) };
    try {
      outcome.successfulKeys.push({ ...id, ...(operate(item) as object) });
    } catch (error) {
      if (!(error instanceof KvsServiceError)) throw error;
      outcome.failedKeys.push({ ...id, error: { code: error.code, message: error.message } });
    }
  }
  return outcome;
}

export function batchSet(core: EmulatorCore, body: unknown): BatchOutcome {
  return runBatch(body, (item) => {
    applyWrite(
      core,
      prepareWrite(core, targetFor(core, item.entityName), item.key, item.value, item.options),
    );
    return {};
  });
}

export function batchGet(core: EmulatorCore, body: unknown): BatchOutcome {
  return runBatch(body, (item) => {
    const entry = readValue(core, targetFor(core, item.entityName), item.key);
    if (!entry) throw new KvsServiceError(404, 'KEY_NOT_FOUND', 'Key does not exist');
    return toRecord(String(item.key), entry, item.options?.metadataFields);
  });
}

export function batchDelete(core: EmulatorCore, body: unknown): BatchOutcome {
  return runBatch(body, (item) => {
    deleteValue(core, targetFor(core, item.entityName), item.key);
    return {};
  });
}
