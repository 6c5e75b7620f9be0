import {
  deliverNotification,
  MAX_ATTEMPTS,
} from '../../../../../src/application/use-cases/notifications/deliver-notification';
import { MicrosoftRequestError } from '../../../../../src/application/ports/microsoft';
import {
  deliveryDeps,
  plannedDelivery,
  attemptNo,
  storedRequestOf,
} from '../../../../support/delivery-harness';
import { fakeConfluence, scriptedTeams } from '../../../../support/fakes';

const delivery = plannedDelivery();

/** What Teams' refusals and errors become: a retry for the queue, or a failure on record. */
describe('deliverNotification', () => {
  it('hands throttling back to the queue with Teams’ Retry-After, without recording', async () => {
    const deps = {
      ...deliveryDeps(),
      teams: scriptedTeams([new MicrosoftRequestError('throttled', 429, 'TooManyRequests', 'slow', 7)]),
    };
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({
      kind: 'retry',
      retryAfterSeconds: 7,
    });
    expect(deps.deliveries.recordCount()).toBe(0);
  });

  it('retries a dropped connection (no answer at all)', async () => {
    const dropped = new MicrosoftRequestError(
      'maybe-sent',
      503,
      'network_error',
      'Could not reach Microsoft Graph',
    );
    const deps = { ...deliveryDeps(), teams: scriptedTeams([dropped]) };
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({
      kind: 'retry',
      retryAfterSeconds: 30,
    });
  });

  it('records a permanent failure with its reason and request on the last attempt', async () => {
    const deps = {
      ...deliveryDeps(),
      teams: scriptedTeams([new MicrosoftRequestError('unavailable', 503, 'ServiceUnavailable', 'down')]),
    };
    expect(await deliverNotification(deps, delivery, attemptNo(MAX_ATTEMPTS))).toMatchObject({
      kind: 'failed',
    });
    expect(deps.deliveries.recordFor(delivery.deliveryKey)).toMatchObject({
      status: 'failed',
      attempts: MAX_ATTEMPTS,
      reason: `Microsoft Teams answered 503 (ServiceUnavailable); gave up after ${MAX_ATTEMPTS} attempts.`,
      request: storedRequestOf(delivery),
    });
  });

  it('records a refused post (403) as failed at once, naming the owner', async () => {
    const deps = {
      ...deliveryDeps(),
      teams: scriptedTeams([new MicrosoftRequestError('forbidden', 403, 'Forbidden', 'not a member')]),
    };
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(
        /^Microsoft Teams answered 403 \(Forbidden\): Name of owner-1 may no longer/,
      ),
    });
  });

  it('retries an unexpected error, then records it without its message', async () => {
    const confluence = fakeConfluence({
      getContentAs: async () => {
        throw Object.assign(new Error('secret-ish detail'), { name: 'ConfluenceReadError', status: 502 });
      },
    });
    const deps = { ...deliveryDeps(), ...confluence };
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({ kind: 'retry' });
    const last = await deliverNotification(deps, delivery, attemptNo(MAX_ATTEMPTS));
    expect(last).toEqual({
      kind: 'failed',
      reason: `Unexpected error (ConfluenceReadError 502); gave up after ${MAX_ATTEMPTS} attempts.`,
    });
  });
});
