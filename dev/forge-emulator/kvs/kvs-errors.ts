/**
 * An error answer of the storage service. Non-2xx answers carry `{ code, message }`
 * (storage-reference/handling-errors-kvs); `@forge/kvs` turns them into `ForgeKvsAPIError`.
 */
export class KvsServiceError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export const badRequest = (code: string, message: string): KvsServiceError =>
  new KvsServiceError(400, code, message);
