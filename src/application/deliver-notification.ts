import { isAppError } from '../domain/app-error';
import { buildContentCard, cardMessage } from '../domain/content-card';
import type { DeliveryRecord, DeliveryStatus } from '../domain/delivery';
import type { PlannedDelivery } from '../domain/delivery-plan';
import { accessTokenFor, type AccessTokenDeps } from './access-tokens';
import type { ConfluenceGateway } from './ports/confluence';
import { MicrosoftRequestError, type TeamsMessenger } from './ports/microsoft';
import type { DeliveryStore } from './ports/stores';

export interface DeliverDeps extends AccessTokenDeps {
  deliveries: DeliveryStore;
  confluence: ConfluenceGateway;
  teams: TeamsMessenger;
}

export type DeliverOutcome =
  | { kind: 'already-done'; status: DeliveryStatus }
  | { kind: 'sent'; messageId: string }
  | { kind: 'skipped'; reason: string }
  | { kind: 'failed'; reason: string }
  | { kind: 'retry'; retryAfterSeconds: number; reason: string };

/** Retries the queue grants (Forge allows 4); the last attempt records a permanent failure. */
export const MAX_ATTEMPTS = 5;
const DEFAULT_RETRY_AFTER_SECONDS = 30;

/**
 * The queue consumer's work. The delivery row makes it idempotent: a duplicate message, or a
 * retry after the send succeeded, finds the row and stops.
 */
export const deliverNotification = async (
  deps: DeliverDeps,
  delivery: PlannedDelivery,
  attempt: number,
): Promise<DeliverOutcome> => {
  const existing = await deps.deliveries.get(delivery.deliveryKey);
  if (existing) return { kind: 'already-done', status: existing.status };
  const record = (status: DeliveryStatus, extra: Partial<DeliveryRecord>) =>
    deps.deliveries.put({
      schemaVersion: 1,
      key: delivery.deliveryKey,
      status,
      ownerAccountId: delivery.ownerAccountId,
      destination: delivery.destination,
      contentId: delivery.event.contentId,
      title: delivery.event.title,
      attempts: attempt,
      updatedAt: deps.clock.now().getTime(),
      ...extra,
    });

  // A rule sends only what its owner may see, checked as the owner.
  const content = await deps.confluence.getContentAs(delivery.ownerAccountId, delivery.event.contentId);
  if (!content) {
    const reason = 'The rule owner cannot view this content';
    await record('skipped', { reason });
    return { kind: 'skipped', reason };
  }

  let accessToken: string;
  try {
    accessToken = await accessTokenFor(deps, delivery.ownerAccountId);
  } catch (error) {
    if (!isAppError(error)) throw error;
    await record('failed', { reason: error.message });
    return { kind: 'failed', reason: error.message };
  }

  const [authorName, ownerName] = await Promise.all([
    delivery.event.actorAccountId ? deps.confluence.displayNameOf(delivery.event.actorAccountId) : 'Someone',
    deps.confluence.displayNameOf(delivery.ownerAccountId),
  ]);
  const card = buildContentCard({
    kind: delivery.event.kind,
    title: content.title,
    spaceKey: content.spaceKey,
    spaceName: content.spaceName,
    authorName,
    version: delivery.event.version,
    versionMessage: content.version === delivery.event.version ? content.versionMessage : '',
    pageUrl: content.url,
    ruleOwnerName: ownerName,
  });
  const attachmentId = delivery.concurrencyKey.replace(/^dest-/, '').slice(0, 16);
  const message = cardMessage(card, attachmentId);
  try {
    let messageId: string;
    try {
      ({ messageId } = await deps.teams.postMessage(accessToken, delivery.destination, message));
    } catch (error) {
      // Graph can refuse an access token before its expiry (revocation, policy): refresh once.
      if (!(error instanceof MicrosoftRequestError) || error.status !== 401) throw error;
      const fresh = await accessTokenFor(deps, delivery.ownerAccountId, { forceRefresh: true });
      ({ messageId } = await deps.teams.postMessage(fresh, delivery.destination, message));
    }
    await record('sent', { messageId });
    return { kind: 'sent', messageId };
  } catch (error) {
    if (isAppError(error)) {
      await record('failed', { reason: error.message });
      return { kind: 'failed', reason: error.message };
    }
    if (!(error instanceof MicrosoftRequestError)) throw error;
    const reason = `Microsoft Teams answered ${error.status} (${error.code})`;
    const transient = error.status === 429 || error.status >= 500;
    if (transient && attempt < MAX_ATTEMPTS) {
      return {
        kind: 'retry',
        retryAfterSeconds: error.retryAfterSeconds ?? DEFAULT_RETRY_AFTER_SECONDS,
        reason,
      };
    }
    await record('failed', { reason });
    return { kind: 'failed', reason };
  }
};
