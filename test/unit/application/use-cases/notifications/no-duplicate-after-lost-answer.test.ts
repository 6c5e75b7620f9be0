import {
  deliverNotification,
  MAX_ATTEMPTS,
} from '../../../../../src/application/use-cases/notifications/deliver-notification';
import { MicrosoftRequestError } from '../../../../../src/application/ports/microsoft';
import { sendIdFor } from '../../../../../src/domain/delivery-plan';
import { aConnection, deliveryDeps, plannedDelivery, attemptNo } from '../../../../support/delivery-harness';
import { fakeConnections, LostAnswer, scriptedTeams } from '../../../../support/fakes';

/**
 * Teams has no idempotency key. A post whose answer is lost (the connection drops after Teams
 * stored the message) must not become a second message when it is sent again.
 */
const delivery = plannedDelivery();
const dropped = () =>
  new MicrosoftRequestError('maybe-sent', 503, 'network_error', 'Could not reach Microsoft Graph');
const ourAttachment = sendIdFor(delivery.deliveryKey);

describe('a send whose answer was lost', () => {
  it('finds the message Teams stored instead of posting it again', async () => {
    const deps = { ...deliveryDeps(), teams: scriptedTeams([new LostAnswer(dropped())]) };
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toEqual({
      kind: 'sent',
      messageId: 'm-1',
      via: 'post',
    });
    expect(deps.teams.postedCards()).toHaveLength(1);
    expect(deps.teams.lookups()).toEqual([{ attachmentId: ourAttachment }]);
    expect(deps.deliveries.recordFor(delivery.deliveryKey)).toMatchObject({
      status: 'sent',
      messageId: 'm-1',
    });
  });

  it('on a retry after a send that may have gone out, looks first and takes what it left in Teams', async () => {
    const deps = deliveryDeps();
    deps.teams.holds({ messageId: 'm-earlier', attachmentId: ourAttachment });
    expect(await deliverNotification(deps, delivery, attemptNo(2, true))).toMatchObject({
      kind: 'sent',
      messageId: 'm-earlier',
    });
    expect(deps.teams.postedCards()).toHaveLength(0);
  });

  it('on such a retry with nothing in Teams, posts once', async () => {
    const deps = deliveryDeps();
    deps.teams.holds({ messageId: 'm-other', attachmentId: sendIdFor('another delivery') });
    expect(await deliverNotification(deps, delivery, attemptNo(2, true))).toMatchObject({
      kind: 'sent',
      messageId: 'm-1',
    });
    expect(deps.teams.postedCards()).toHaveLength(1);
    expect(deps.teams.lookups()).toHaveLength(1);
  });

  it('does not look after a refusal that cannot have posted (429, 503), nor on a first attempt', async () => {
    const throttled = new MicrosoftRequestError('throttled', 429, 'TooManyRequests', 'slow', 3);
    const unavailable = new MicrosoftRequestError('unavailable', 503, 'ServiceUnavailable', 'busy', 3);
    for (const refusal of [throttled, unavailable]) {
      const deps = { ...deliveryDeps(), teams: scriptedTeams([refusal]) };
      expect(await deliverNotification(deps, delivery, attemptNo(1))).toEqual({
        kind: 'retry',
        retryAfterSeconds: 3,
        reason: expect.any(String),
        unconfirmed: false,
      });
      expect(deps.teams.lookups()).toEqual([]);
      // The retry that follows knows nothing went out: it posts without looking.
      await deliverNotification(deps, delivery, attemptNo(2));
      expect(deps.teams.lookups()).toEqual([]);
      expect(deps.teams.postedCards()).toHaveLength(2);
    }
  });

  it('tells the queue when a send may have gone out unseen, so the retry looks first', async () => {
    const deps = { ...deliveryDeps(), teams: scriptedTeams([dropped()]) };
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({
      kind: 'retry',
      unconfirmed: true,
    });
    const throttled = new MicrosoftRequestError('throttled', 429, 'TooManyRequests', 'slow', 3);
    const later = { ...deps, teams: scriptedTeams([throttled]) };
    // Still unknown after a retry that was refused: the next one looks again.
    expect(await deliverNotification(later, delivery, attemptNo(2, true))).toMatchObject({
      kind: 'retry',
      unconfirmed: true,
    });
  });

  it('invariant 4: a duplicate queue message after a lost answer it could not confirm looks before posting', async () => {
    const teams = scriptedTeams([new LostAnswer(dropped())]);
    // The answer is lost, and looking for the message fails too: the outcome is unknown.
    const find = teams.findRecentMessage.bind(teams);
    let lookups = 0;
    teams.findRecentMessage = async (...args) => {
      lookups += 1;
      if (lookups === 1) throw dropped();
      return find(...args);
    };
    const deps = { ...deliveryDeps(), teams };
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({
      kind: 'retry',
      unconfirmed: true,
    });
    // The platform delivers the same queue message again: a first attempt with no retry data.
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({
      kind: 'sent',
      messageId: 'm-1',
    });
    expect(teams.postedCards()).toHaveLength(1);
  });

  it('replies in a thread at most once too, looking among the thread’s replies', async () => {
    const deps = deliveryDeps();
    await deliverNotification(deps, plannedDelivery({ version: 4 }), attemptNo(1));
    const comment = plannedDelivery({
      kind: 'comment_created',
      version: 4,
      comment: { id: 'c-9', location: 'footer', parentCommentId: null, version: 1 },
    });
    // The reply is stored, its answer lost.
    const teams = scriptedTeams([], { replies: [new LostAnswer(dropped(), 'r-lost')] });
    teams.holds(...deps.teams.heldMessages());
    const lost = { ...deps, teams };
    expect(await deliverNotification(lost, comment, attemptNo(1))).toEqual({
      kind: 'sent',
      messageId: 'r-lost',
      via: 'reply',
    });
    expect(teams.repliedCards()).toHaveLength(1);
    expect(teams.lookups()).toEqual([{ attachmentId: sendIdFor(comment.deliveryKey), replyToId: 'm-1' }]);
  });

  it('without a permission to read messages, sends again: a rare duplicate rather than a loss', async () => {
    const deps = {
      ...deliveryDeps(),
      connections: fakeConnections([aConnection(undefined, ['ChannelMessage.Send'])]),
      teams: scriptedTeams([new LostAnswer(dropped())]),
    };
    expect(await deliverNotification(deps, delivery, attemptNo(1))).toMatchObject({ kind: 'retry' });
    expect(await deliverNotification(deps, delivery, attemptNo(2, true))).toMatchObject({
      kind: 'sent',
      messageId: 'm-2',
    });
    expect(deps.teams.lookups()).toEqual([]);
    expect(deps.teams.postedCards()).toHaveLength(2);
  });

  it('logs a connection that kept dropping as a dropped connection, not as an answer', async () => {
    const deps = { ...deliveryDeps(), teams: scriptedTeams([dropped()]) };
    expect(await deliverNotification(deps, delivery, attemptNo(MAX_ATTEMPTS))).toMatchObject({
      kind: 'failed',
    });
    expect(deps.deliveries.recordFor(delivery.deliveryKey)?.reason).toBe(
      `The connection to Microsoft Teams dropped before it answered; gave up after ${MAX_ATTEMPTS} attempts.`,
    );
  });

  it('reads the owner’s connection once per delivery', async () => {
    const deps = deliveryDeps();
    const get = jest.spyOn(deps.connections, 'get');
    await deliverNotification(deps, delivery, attemptNo(1));
    expect(get).toHaveBeenCalledTimes(1);
  });
});
