import { MAX_ATTEMPTS } from '../../src/application/services/send-as-owner';
import type { DeliveryLogEntry } from '../../src/contracts/deliveries';

/** One (event, destination) pair of the fault suite's scenario. */
export interface ScenarioPair {
  identity: string;
  contentId: string;
  destination: string;
}

/**
 * Every failed line of the delivery log, each explained once:
 * - `permanent`: a failure the scenario expects (a rule whose owner cannot post to its channel);
 * - `gaveUp`: an expected message that never arrived because each of its attempts met an
 *   injected fault (429, 503, a dropped connection), so the consumer gave up: failed, visible
 *   and retryable, as invariant 5 wants;
 * - `unexplained`: any other failed line;
 * - `unlogged`: an expected failure, or a message that never arrived, without its failed line.
 */
export interface FailureAccount {
  permanent: DeliveryLogEntry[];
  gaveUp: DeliveryLogEntry[];
  unexplained: DeliveryLogEntry[];
  unlogged: string[];
}

export const gaveUpAfterEveryAttempt = (entry: DeliveryLogEntry): boolean =>
  entry.attempts === MAX_ATTEMPTS && (entry.reason ?? '').endsWith(`gave up after ${MAX_ATTEMPTS} attempts.`);

/**
 * Matches failed lines to the pairs that explain them, by content and destination label (the
 * log's words), one line per pair.
 */
export const accountForFailures = (
  failedLog: readonly DeliveryLogEntry[],
  expected: { failures: readonly ScenarioPair[]; undelivered: readonly ScenarioPair[] },
  labelOf: (destination: string) => string,
): FailureAccount => {
  const rows = [...failedLog];
  const take = (pair: ScenarioPair, fits: (entry: DeliveryLogEntry) => boolean) => {
    const at = rows.findIndex(
      (e) => e.contentId === pair.contentId && e.destinationLabel === labelOf(pair.destination) && fits(e),
    );
    return at < 0 ? undefined : rows.splice(at, 1)[0];
  };
  const account: FailureAccount = { permanent: [], gaveUp: [], unexplained: rows, unlogged: [] };
  for (const pair of expected.failures) {
    const row = take(pair, () => true);
    if (row) account.permanent.push(row);
    else account.unlogged.push(`failure: ${pair.identity} → ${pair.destination}`);
  }
  for (const pair of expected.undelivered) {
    const row = take(pair, gaveUpAfterEveryAttempt);
    if (row) account.gaveUp.push(row);
    else account.unlogged.push(`never arrived: ${pair.identity} → ${pair.destination}`);
  }
  return account;
};
