import { z } from 'zod';
import { AppError } from '../../../src/domain/app-error';
import { toResolverFailure } from '../../../src/handlers/resolver-errors';

/** An answer from Confluence or Microsoft that no longer has the shape the adapter expects. */
const upstreamShapeChange = () => {
  const result = z.object({ _links: z.object({ base: z.string() }) }).safeParse({ _links: {} });
  if (result.success) throw new Error('expected the shape to be refused');
  return result.error;
};

describe('errors mapped in one place per entry point (issue 10, item 3)', () => {
  it('does not show an upstream shape change as the caller’s input error', () => {
    expect(() => toResolverFailure(upstreamShapeChange())).toThrow();
  });

  it('keeps an expected error’s code, message and field errors', () => {
    const failure = toResolverFailure(
      new AppError('invalid_input', 'Fix the form.', { name: 'Enter a name' }),
    );
    expect(failure).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'Fix the form.', fieldErrors: { name: 'Enter a name' } },
    });
  });
});
