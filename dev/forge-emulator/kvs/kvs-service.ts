import type { EmulatorCore } from '../core/emulator-core';
import { bodyText, emptyResponse, jsonResponse } from '../runtime/platform-responses';
import type { KvsOpKind } from '../stats/stats-collector';
import { batchDelete, batchGet, batchSet } from './batch-ops';
import { queryEntity } from './entity-query';
import { resolveEntity } from './entity-schema';
import { KvsServiceError } from './kvs-errors';
import { queryKeys } from './key-query';
import { applyWrite, deleteValue, keyNotFound, prepareWrite, readValue } from './single-ops';
import { kvsTarget, secretTarget, toRecord, type StorageTarget } from './storage-target';
import { transact } from './transaction-ops';

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- request JSON as the SDK sends it

function entityTarget(core: EmulatorCore, body: Body): StorageTarget {
  const entity = resolveEntity(core.manifest.entities, body.entityName);
  return { ...kvsTarget(), space: `entity:${entity.name}`, flavour: 'entity', entity };
}

function get(core: EmulatorCore, target: StorageTarget, body: Body): Response {
  const entry = readValue(core, target, body.key);
  if (!entry) throw keyNotFound();
  return jsonResponse(200, toRecord(body.key, entry, 'all'));
}

/** set answers nothing unless `returnValue` asks for the written or the overwritten value (storage-api.js). */
function set(core: EmulatorCore, target: StorageTarget, body: Body): Response {
  const write = prepareWrite(core, target, body.key, body.value, body.options);
  applyWrite(core, write, body.options?.keyPolicy);
  const returned = body.options?.returnValue === 'PREVIOUS' ? write.previous : write.entry;
  if (!body.options?.returnValue) return emptyResponse(204);
  return returned
    ? jsonResponse(200, toRecord(write.key, returned, 'all'))
    : new Response('', { status: 200 });
}

function remove(core: EmulatorCore, target: StorageTarget, body: Body): Response {
  deleteValue(core, target, body.key);
  return emptyResponse(204);
}

const routes: Record<string, [KvsOpKind, (core: EmulatorCore, body: Body) => Response]> = {
  '/api/v1/get': ['get', (core, body) => get(core, kvsTarget(), body)],
  '/api/v1/set': ['set', (core, body) => set(core, kvsTarget(), body)],
  '/api/v1/delete': ['delete', (core, body) => remove(core, kvsTarget(), body)],
  '/api/v1/secret/get': ['secretGet', (core, body) => get(core, secretTarget(), body)],
  '/api/v1/secret/set': ['secretSet', (core, body) => set(core, secretTarget(), body)],
  '/api/v1/secret/delete': ['secretDelete', (core, body) => remove(core, secretTarget(), body)],
  '/api/v1/entity/get': ['get', (core, body) => get(core, entityTarget(core, body), body)],
  '/api/v1/entity/set': ['set', (core, body) => set(core, entityTarget(core, body), body)],
  '/api/v1/entity/delete': ['delete', (core, body) => remove(core, entityTarget(core, body), body)],
  '/api/v1/query': ['query', (core, body) => jsonResponse(200, queryKeys(core, body))],
  '/api/v1/entity/query': ['query', (core, body) => jsonResponse(200, queryEntity(core, body))],
  '/api/v1/batch/set': ['batchSet', (core, body) => jsonResponse(200, batchSet(core, body))],
  '/api/v1/batch/get': ['batchGet', (core, body) => jsonResponse(200, batchGet(core, body))],
  '/api/v1/batch/delete': ['batchDelete', (core, body) => jsonResponse(200, batchDelete(core, body))],
  '/api/v1/transaction': [
    'transact',
    (core, body) => {
      transact(core, body);
      return emptyResponse(204);
    },
  ],
};

/** Answers the storage service paths `@forge/kvs` calls (storage-api.js), errors included. */
export function handleKvsRequest(core: EmulatorCore, path: string, init: RequestInit | undefined): Response {
  const route = routes[path];
  if (!route) return jsonResponse(404, { code: 'NOT_FOUND', message: `Unknown storage path ${path}` });
  const [kind, handle] = route;
  core.stats.kvsOp(kind);
  try {
    let body: Body;
    try {
      body = JSON.parse(bodyText(init) || 'null') as Body;
    } catch {
      throw new KvsServiceError(400, 'BAD_REQUEST', 'Provided request body is invalid');
    }
    return handle(core, body ?? {});
  } catch (error) {
    if (error instanceof KvsServiceError) {
      return jsonResponse(error.status, { code: error.code, message: error.message });
    }
    throw error;
  }
}
