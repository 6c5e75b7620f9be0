import { ForgeKvsAPIError } from '@forge/kvs';

/** A `keyPolicy: 'FAIL_IF_EXISTS'` write refused because the key is there already. */
export const isKeyExistsError = (error: unknown): boolean =>
  error instanceof ForgeKvsAPIError &&
  (error.responseDetails.status === 409 || /exist|conflict|precondition/i.test(error.code));

/** A transaction cancelled because one of its checks did not hold (the row changed meanwhile). */
export const isConditionFailure = (error: unknown): boolean =>
  error instanceof ForgeKvsAPIError && /CONDITIONAL_CHECK_FAILED|condition/i.test(error.code);
