import { ForgeKvsAPIError } from '@forge/kvs';

/** A `keyPolicy: 'FAIL_IF_EXISTS'` write refused because the key is there already. */
export const isKeyExistsError = (error: unknown): boolean =>
  error instanceof ForgeKvsAPIError &&
  (error.responseDetails.status === 409 || /exist|conflict|precondition/i.test(error.code));
