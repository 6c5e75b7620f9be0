import type { EmulatorCore } from '../core/emulator-core';
import { evaluateFilters, parseFilters, type ParsedFilters } from './conditions';
import { KvsServiceError, badRequest } from './kvs-errors';
import { applyWrite, prepareWrite, type SetOptions } from './single-ops';
import { targetFor, type StorageTarget } from './storage-target';
import { validateKey } from './kvs-validation';

/** One operation of the body `kvs.transact()...execute()` sends to /api/v1/transaction (transaction-request-builder.js). */
interface TransactionItem {
  key: unknown;
  value?: unknown;
  entityName?: string;
  conditions?: unknown;
  options?: SetOptions;
}

interface TransactionRequest {
  set?: TransactionItem[];
  delete?: TransactionItem[];
  check?: TransactionItem[];
}

/** Limits from limits-kvs-ce ("Transaction limits"). */
const MAX_OPERATIONS = 25;

type Guard = { target: StorageTarget; key: string; conditions?: ParsedFilters; mustExist: boolean };

function guardOf(core: EmulatorCore, item: TransactionItem, mustExist: boolean): Guard {
  const target = targetFor(core, item.entityName);
  const key = validateKey(item.key, target.flavour);
  if (item.conditions !== undefined && !target.entity) {
    throw badRequest('BAD_REQUEST', 'Transaction conditions need an entityName.');
  }
  const conditions = target.entity ? parseFilters(item.conditions, target.entity) : undefined;
  if (mustExist && !conditions) throw badRequest('BAD_REQUEST', 'A transaction check needs conditions.');
  return { target, key, conditions, mustExist };
}

function holds(core: EmulatorCore, guard: Guard): boolean {
  const current = core.kvs.read(guard.target.space, guard.key);
  if (guard.mustExist && !current) return false;
  if (!guard.conditions) return true;
  return evaluateFilters((current?.value ?? {}) as Record<string, unknown>, guard.conditions);
}

/** All operations are validated and every condition checked before anything is written: all or nothing. */
export function transact(core: EmulatorCore, body: TransactionRequest): void {
  const sets = body.set ?? [];
  const deletes = body.delete ?? [];
  const checks = body.check ?? [];
  const all = [...sets, ...deletes, ...checks];
  if (all.length === 0) throw badRequest('BAD_REQUEST', 'A transaction needs at least one operation.');
  if (all.length > MAX_OPERATIONS) {
    throw badRequest(
      'TOO_MANY_OPERATIONS',
      `Each transaction can contain a maximum of ${MAX_OPERATIONS} operations.`,
    );
  }
  const ids = all.map((item) => `${item.entityName ?? ''}\u0000${String(item.key)}`);
  if (new Set(ids).size !== ids.length) {
    throw badRequest('DUPLICATE_KEYS', 'Each key can only be used once in a transaction.');
  }
  const setGuards = sets.map((item) => guardOf(core, item, false));
  const writes = sets.map((item) =>
    prepareWrite(core, targetFor(core, item.entityName), item.key, item.value, item.options),
  );
  const deleteGuards = deletes.map((item) => guardOf(core, item, false));
  const checkGuards = checks.map((item) => guardOf(core, item, true));
  const failed = [...setGuards, ...deleteGuards, ...checkGuards].filter((guard) => !holds(core, guard));
  if (failed.length > 0) {
    throw new KvsServiceError(
      409,
      'CONDITIONAL_CHECK_FAILED',
      `Transaction cancelled: conditions not met for ${failed.map((guard) => guard.key).join(', ')}.`,
    );
  }
  writes.forEach((write) => applyWrite(core, write));
  deleteGuards.forEach((guard) => core.kvs.remove(guard.target.space, guard.key));
}
