import kvs, { type SetOptions } from '@forge/kvs';

/** Forge takes at most 25 keys per batch operation. */
const BATCH_KEYS = 25;

/** A plain key, or an entity's key with its entity. */
export type BatchKey = { key: string; entityName?: string };

export const inBatches = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / BATCH_KEYS) }, (_, i) =>
    items.slice(i * BATCH_KEYS, (i + 1) * BATCH_KEYS),
  );

const idOf = (item: BatchKey) => `${item.entityName ?? ''}\u0000${item.key}`;

/**
 * Reads `items` with one `batchGet` per 25 (side by side); `valueOf` answers for any of them,
 * undefined for a key Forge reports missing. Any other failure is thrown, so a caller never
 * takes a stored value for absent.
 * @see https://developer.atlassian.com/platform/forge/storage-reference/kvs-batch/
 */
export const batchGetAll = async (
  items: readonly BatchKey[],
): Promise<{ valueOf: (item: BatchKey) => unknown }> => {
  const unique = [...new Map(items.map((item) => [idOf(item), item])).values()];
  const answers = await Promise.all(inBatches(unique).map((batch) => kvs.batchGet<unknown>(batch)));
  const failure = answers.flatMap((a) => a.failedKeys).find((f) => f.error.code !== 'KEY_NOT_FOUND');
  if (failure) throw new Error(`Forge storage could not read a batch: ${failure.error.code}`);
  const found = new Map(answers.flatMap((a) => a.successfulKeys).map((f) => [idOf(f), f.value]));
  return { valueOf: (item) => found.get(idOf(item)) };
};

/** One value to store: a plain key, or an entity's key with its entity. */
export type BatchWrite = BatchKey & { value: unknown; options?: SetOptions };

/**
 * Writes `items` with one `batchSet` per 25 (side by side); a key Forge did not write is thrown,
 * naming `what`, so the caller's retry writes it again.
 */
export const batchSetAll = async (items: readonly BatchWrite[], what: string): Promise<void> => {
  if (items.length === 0) return;
  const answers = await Promise.all(inBatches(items).map((batch) => kvs.batchSet(batch)));
  const failure = answers.flatMap((a) => a.failedKeys)[0];
  if (failure) throw new Error(`Forge storage could not write ${what}: ${failure.error.code}`);
};
