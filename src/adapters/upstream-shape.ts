import type { ZodType } from 'zod';

/**
 * Reads a remote API's answer. A shape the app does not know is the remote side's change, not
 * the caller's mistake: it becomes the adapter's own error (named by `toError`), whose message
 * names the first field that did not fit and never the value.
 */
export const parseUpstream = <T>(
  schema: ZodType<T>,
  body: unknown,
  what: string,
  toError: (message: string) => Error,
): T => {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'the top level';
  throw toError(`${what} was not in the expected shape (at ${where})`);
};
