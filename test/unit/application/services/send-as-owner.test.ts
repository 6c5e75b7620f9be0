import { ConfluenceRequestError } from '../../../../src/application/ports/confluence';
import {
  classifyFailure,
  DEFAULT_RETRY_AFTER_SECONDS,
  MAX_ATTEMPTS,
} from '../../../../src/application/services/send-as-owner';

describe('a failed Confluence read during a delivery, by kind', () => {
  const unavailable = new ConfluenceRequestError(
    'unavailable',
    503,
    'Confluence answered 503 for content 42',
  );

  it('retries while Confluence is unavailable, then gives up saying so', () => {
    expect(classifyFailure(unavailable, 1, 'Ada')).toEqual({
      kind: 'retry',
      retryAfterSeconds: DEFAULT_RETRY_AFTER_SECONDS,
      reason: 'Confluence answered 503 for content 42',
    });
    expect(classifyFailure(unavailable, MAX_ATTEMPTS, 'Ada')).toEqual({
      kind: 'failed',
      reason: `Confluence answered 503 for content 42; gave up after ${MAX_ATTEMPTS} attempts.`,
    });
  });

  it.each(['refused', 'unexpected'] as const)('records %s at once: a retry would get the same', (kind) => {
    const error = new ConfluenceRequestError(kind, 401, 'Confluence answered 401 for content 42');
    expect(classifyFailure(error, 1, 'Ada')).toEqual({
      kind: 'failed',
      reason: 'Confluence answered 401 for content 42',
    });
  });

  it('branches on the kind, never on a status that only looks like Confluence’s', () => {
    const lookalike = Object.assign(new Error('x'), {
      name: 'ConfluenceRequestError',
      kind: 'refused',
      status: 401,
    });
    expect(classifyFailure(lookalike, 1, 'Ada')).toMatchObject({ kind: 'retry' });
  });
});
