import {
  MicrosoftRequestError,
  type MicrosoftFailureKind,
} from '../../../../src/application/ports/microsoft';
import {
  deliveryFailureReason,
  isRefusal,
  isTransient,
  mayHaveBeenDone,
  microsoftAppError,
  withMicrosoftFailures,
} from '../../../../src/application/services/microsoft-failures';
import { AppError } from '../../../../src/domain/app-error';

const failure = (kind: MicrosoftFailureKind, status = 418, code = 'SomeCode') =>
  new MicrosoftRequestError(kind, status, code, 'detail for logs');

describe('what a kind of Microsoft failure means to the app', () => {
  it.each([
    ['throttled', true, false, false],
    ['maybe-sent', true, true, false],
    ['unavailable', true, false, false],
    ['token-rejected', false, false, false],
    ['grant-rejected', false, false, false],
    ['app-rejected', false, false, false],
    ['gone', false, false, true],
    ['forbidden', false, false, true],
    ['invalid', false, false, true],
  ] as const)('%s: transient %s, maybe done %s, a refusal %s', (kind, transient, maybeDone, refusal) => {
    // The status says nothing here: only the kind counts.
    expect(isTransient(failure(kind))).toBe(transient);
    expect(mayHaveBeenDone(failure(kind))).toBe(maybeDone);
    expect(isRefusal(failure(kind))).toBe(refusal);
  });

  it('is never fooled by an error that only looks like one', () => {
    const lookalike = Object.assign(new Error('x'), { kind: 'maybe-sent', status: 502 });
    expect(mayHaveBeenDone(lookalike)).toBe(false);
    expect(isRefusal(Object.assign(new Error('x'), { kind: 'gone' }))).toBe(false);
  });

  it('tells the delivery log what Teams answered, and who may have lost access', () => {
    expect(deliveryFailureReason(failure('unavailable', 503, 'ServiceUnavailable'), 'Ada')).toBe(
      'Microsoft Teams answered 503 (ServiceUnavailable)',
    );
    expect(deliveryFailureReason(failure('gone', 404, 'NotFound'), 'Ada')).toBe(
      'Microsoft Teams answered 404 (NotFound): Ada may no longer be a member of this channel or chat, or the permission is missing.',
    );
    expect(deliveryFailureReason(failure('forbidden', 403, 'Forbidden'), 'Ada')).toMatch(
      /: Ada may no longer/,
    );
    expect(deliveryFailureReason(failure('maybe-sent', 503, 'network_error'), 'Ada')).toBe(
      'The connection to Microsoft Teams dropped before it answered',
    );
    expect(deliveryFailureReason(failure('maybe-sent', 504, 'GatewayTimeout'), 'Ada')).toBe(
      'Microsoft Teams answered 504 (GatewayTimeout)',
    );
  });

  it('turns a failure into what the person sees, by what they were doing', () => {
    const refused = failure('grant-rejected', 400, 'invalid_grant');
    expect(microsoftAppError(refused, 'sign-in')).toMatchObject({
      code: 'microsoft_error',
      message:
        'Microsoft refused the sign-in (invalid_grant). Select Log in to Microsoft Teams to try again.',
    });
    const down = failure('unavailable', 503, 'ServiceUnavailable');
    expect(microsoftAppError(down, 'listing').message).toBe(
      'Microsoft Teams answered 503 (ServiceUnavailable). Try again in a moment.',
    );
    expect(microsoftAppError(down, 'sharing').message).toBe(
      'Microsoft Teams answered 503 (ServiceUnavailable); nothing was shared. Try again in a moment.',
    );
  });

  it('translates only Microsoft failures; anything else passes through unchanged', async () => {
    const other = new AppError('needs_login', 'Log in again.');
    await expect(withMicrosoftFailures('listing', () => Promise.reject(other))).rejects.toBe(other);
    await expect(
      withMicrosoftFailures('listing', () => Promise.reject(failure('forbidden', 403, 'Forbidden'))),
    ).rejects.toMatchObject({ name: 'AppError', code: 'microsoft_error' });
    await expect(withMicrosoftFailures('listing', () => Promise.resolve(7))).resolves.toBe(7);
  });
});
