import type { DeliveryHealthView } from '../../../contracts/deliveries';
import type { DeliveryRecord, DeliveryStatus } from '../../../domain/delivery';
import { requireSiteAdmin, type Caller } from '../../services/authority';
import { newestFirst, toLogEntries, type DeliveryLogDeps } from './delivery-log';
import type { Clock } from '../../ports/platform';

interface DeliveryHealthDeps extends DeliveryLogDeps {
  clock: Clock;
}

const HEALTH_WINDOW_DAYS = 7;
/**
 * KVS has no count: the rows are read through the status index. Past this many rows per status
 * the counts stop growing; the view is a health signal, not an audit.
 */
const HEALTH_SCAN_LIMIT = 2000;
const LATEST_FAILURES = 10;

/**
 * Delivery health for the global settings page: site admins only. The latest failures include
 * those being retried, and `follow` names rows the page retried: they are answered as they are
 * now (sent, failed again, skipped), so the page can show how a retry ended without a refresh.
 */
export const getDeliveryHealth = async (
  deps: DeliveryHealthDeps,
  caller: Caller,
  input: { follow?: readonly string[] } = {},
): Promise<DeliveryHealthView> => {
  await requireSiteAdmin(deps.permissions, caller);
  const since = deps.clock.now().getTime() - HEALTH_WINDOW_DAYS * 24 * 60 * 60 * 1000;
  const list = (status: DeliveryStatus) =>
    deps.deliveries.listByStatus({ status, since, limit: HEALTH_SCAN_LIMIT });
  const [sent, failed, skipped, retrying] = await Promise.all(
    (['sent', 'failed', 'skipped', 'retrying'] as const).map(list),
  );
  const all = [...sent, ...failed, ...skipped, ...retrying];
  const followed = (await Promise.all((input.follow ?? []).map((key) => deps.deliveries.get(key)))).filter(
    (row): row is DeliveryRecord => row !== null,
  );
  const followedKeys = new Set(followed.map((row) => row.key));
  const latest = [
    ...followed,
    ...[...failed, ...retrying]
      .filter((row) => !followedKeys.has(row.key))
      .sort(newestFirst)
      .slice(0, LATEST_FAILURES),
  ].sort(newestFirst);
  return {
    windowDays: HEALTH_WINDOW_DAYS,
    sent: sent.length,
    failed: failed.length,
    retried: all.filter((r) => r.attempts > 1 || r.status === 'retrying').length,
    skipped: skipped.length,
    latestFailures: await toLogEntries(deps, caller.accountId, latest, () => true),
  };
};
