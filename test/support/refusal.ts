import { AppError } from '../../src/domain/app-error';

/** The AppError a use case refused with; fails the test when it succeeded or threw anything else. */
export const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('expected a refusal');
    },
    (error: unknown) => {
      if (!(error instanceof AppError)) throw error;
      return { code: error.code, message: error.message, fieldErrors: error.fieldErrors };
    },
  );
