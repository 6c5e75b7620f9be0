import kvs, { Sort } from '@forge/kvs';
import type { ImportPreviewStore, UserMappingStore } from '../application/ports/user-mapping';
import type { ImportedMapping, ImportPreview } from '../domain/user-mapping';
import { ENTITY, hashKeyPart, INDEX, KEY } from './kvs-keys';

interface UserMappingEntity {
  tenantId: string;
  importedAt: number;
  data: ImportedMapping;
}

/** Forge takes at most 25 keys per batch operation. */
const BATCH_KEYS = 25;
const PAGE = 50;

const inBatches = <T>(items: readonly T[]): T[][] =>
  Array.from({ length: Math.ceil(items.length / BATCH_KEYS) }, (_, i) =>
    items.slice(i * BATCH_KEYS, (i + 1) * BATCH_KEYS),
  );

const failIfAny = (failed: ReadonlyArray<{ key: string; error: { code: string } }>, what: string) => {
  const failure = failed.find((f) => f.error.code !== 'KEY_NOT_FOUND');
  if (failure)
    throw new Error(`Forge storage could not ${what} user mapping ${failure.key}: ${failure.error.code}`);
};

/**
 * Keys are Confluence account ids (what mentions look up), so a re-import overwrites in place.
 * @see https://developer.atlassian.com/platform/forge/storage-reference/entities-batch/
 */
export const kvsUserMappingStore: UserMappingStore = {
  getMany: async (accountIds) => {
    const answers = await Promise.all(
      inBatches([...new Set(accountIds)]).map((batch) =>
        kvs.batchGet<UserMappingEntity>(batch.map((key) => ({ key, entityName: ENTITY.userMapping }))),
      ),
    );
    failIfAny(
      answers.flatMap((a) => a.failedKeys),
      'read',
    );
    return answers.flatMap((a) => a.successfulKeys.map((found) => found.value.data));
  },
  putMany: async (mappings) => {
    for (const batch of inBatches(mappings)) {
      const result = await kvs.batchSet<UserMappingEntity>(
        batch.map((m) => ({
          entityName: ENTITY.userMapping,
          key: m.accountId,
          value: { tenantId: m.tenantId, importedAt: Date.parse(m.importedAt), data: m },
        })),
      );
      failIfAny(result.failedKeys, 'write');
    }
  },
  deleteMany: async (accountIds) => {
    const existing = await kvsUserMappingStore.getMany(accountIds);
    for (const batch of inBatches(existing.map((m) => m.accountId))) {
      const result = await kvs.batchDelete(batch.map((key) => ({ key, entityName: ENTITY.userMapping })));
      failIfAny(result.failedKeys, 'remove');
    }
    return existing.length;
  },
  list: async (tenantId, cursor) => {
    let query = kvs
      .entity<UserMappingEntity>(ENTITY.userMapping)
      .query()
      .index(INDEX.byTenant, { partition: [tenantId] })
      .sort(Sort.DESC)
      .limit(PAGE);
    if (cursor) query = query.cursor(cursor);
    const page = await query.getMany();
    return {
      mappings: page.results.map((r) => r.value.data),
      ...(page.nextCursor ? { cursor: page.nextCursor } : {}),
    };
  },
};

const seconds = (value: number) => ({ value, unit: 'SECONDS' }) as const;

export const kvsImportPreviewStore: ImportPreviewStore = {
  put: (previewId, preview, ttlSeconds) =>
    kvs.set(KEY.userImportPreview(hashKeyPart(previewId)), preview, { ttl: seconds(ttlSeconds) }),
  take: async (previewId, ownerAccountId) => {
    const key = KEY.userImportPreview(hashKeyPart(previewId));
    const preview = await kvs.get<ImportPreview>(key);
    if (!preview || preview.ownerAccountId !== ownerAccountId) return null;
    await kvs.delete(key);
    return preview;
  },
};
