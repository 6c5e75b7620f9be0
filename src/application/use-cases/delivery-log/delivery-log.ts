import type { DeliveryLogEntry } from '../../../contracts/deliveries';
import { UNKNOWN_OWNER, type DeliveryRecord, type DeliveryStatus } from '../../../domain/delivery';
import type { Destination } from '../../../domain/rule';
import type { Caller } from '../../services/authority';
import type { ConfluencePeople, ConfluencePermissions } from '../../ports/confluence';
import type { DeliveryStore } from '../../ports/stores';

export interface DeliveryLogDeps {
  deliveries: DeliveryStore;
  permissions: ConfluencePermissions;
  people: ConfluencePeople;
}

/** A record, so a new status fails to compile here until the log lists it too. */
const LISTED: Record<DeliveryStatus, true> = {
  sent: true,
  failed: true,
  skipped: true,
  retrying: true,
  held: true,
};
export const DELIVERY_STATUSES = Object.keys(LISTED) as DeliveryStatus[];
const LOG_LIMIT = 100;

export const destinationLabel = (destination: Destination | null, ownerName: string): string => {
  if (!destination) return 'Unknown destination';
  if (destination.type === 'channel') {
    return `${destination.teamName || 'A team'} › ${destination.channelName || 'a channel'}`;
  }
  if (destination.type === 'chat') return destination.chatName || 'A group chat';
  return `Personal (${ownerName})`;
};

/** A retry re-sends the stored queue message, so a row without one cannot be retried. */
const isRetryable = (record: DeliveryRecord): boolean =>
  record.status === 'failed' && record.request !== undefined;

/** What a log line says instead of the title of content its reader cannot view (invariant 3). */
const RESTRICTED_TITLE = 'Restricted content';

/**
 * Log lines for `records` as `viewerAccountId` may read them: owner names looked up once per
 * owner, and titles only of the content the viewer can view now, asked of Confluence as the
 * viewer in one batch (invariant 3). A site admin is no exception: page restrictions bind them.
 */
export const toLogEntries = async (
  confluence: Pick<DeliveryLogDeps, 'permissions' | 'people'>,
  viewerAccountId: string,
  records: readonly DeliveryRecord[],
  mayRetry: (record: DeliveryRecord) => boolean,
): Promise<DeliveryLogEntry[]> => {
  const names = new Map<string, Promise<string>>();
  const nameOf = (accountId: string) => {
    if (accountId === UNKNOWN_OWNER) return Promise.resolve('Unknown rule owner');
    if (!names.has(accountId)) names.set(accountId, confluence.people.displayNameOf(accountId));
    return names.get(accountId) as Promise<string>;
  };
  const viewable =
    records.length > 0
      ? await confluence.permissions.viewableTitlesAs(
          viewerAccountId,
          records.map((r) => r.contentId),
        )
      : [];
  const titles = new Map(viewable.map((c) => [c.id, c.title]));
  return Promise.all(
    records.map(async (record) => {
      const ownerName = await nameOf(record.ownerAccountId);
      return {
        key: record.key,
        status: record.status,
        contentId: record.contentId,
        title: record.summary ?? titles.get(record.contentId) ?? RESTRICTED_TITLE,
        destinationLabel: destinationLabel(record.destination, ownerName),
        ownerAccountId: record.ownerAccountId,
        ownerName,
        attempts: record.attempts,
        reason: record.reason ?? null,
        updatedAt: new Date(record.updatedAt).toISOString(),
        canRetry: isRetryable(record) && mayRetry(record),
      };
    }),
  );
};

export const newestFirst = (a: DeliveryRecord, b: DeliveryRecord): number => b.updatedAt - a.updatedAt;

/**
 * The delivery log: a site admin sees every delivery, anyone else only those of rules they own
 * (they post as them). Newest first, at most 100 lines.
 */
export const listDeliveries = async (
  deps: DeliveryLogDeps,
  caller: Caller,
  input: { status?: DeliveryStatus },
): Promise<DeliveryLogEntry[]> => {
  const isAdmin = await deps.permissions.isSiteAdmin(caller.accountId);
  let records: DeliveryRecord[];
  if (isAdmin) {
    const statuses = input.status ? [input.status] : DELIVERY_STATUSES;
    const perStatus = await Promise.all(
      statuses.map((status) => deps.deliveries.listByStatus({ status, limit: LOG_LIMIT })),
    );
    records = perStatus.flat().sort(newestFirst).slice(0, LOG_LIMIT);
  } else {
    records = await deps.deliveries.listByOwner(caller.accountId, { limit: LOG_LIMIT, status: input.status });
  }
  return toLogEntries(
    deps,
    caller.accountId,
    records,
    (r) => isAdmin || r.ownerAccountId === caller.accountId,
  );
};
