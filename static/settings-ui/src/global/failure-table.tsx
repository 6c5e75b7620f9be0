import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Stack, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import type { DeliveryLogEntry } from '../../../../src/contracts/deliveries';
import { asFailure, call } from '../api/resolver-client';
import { TEST_IDS } from '../testids';
import { useAnnounce } from '../ui/announcer';
import { Section } from '../ui/section';

const STATUS_LOZENGES: Record<
  DeliveryLogEntry['status'],
  { text: string; appearance: 'success' | 'removed' | 'inprogress' | 'default' }
> = {
  sent: { text: 'Sent', appearance: 'success' },
  failed: { text: 'Failed', appearance: 'removed' },
  retrying: { text: 'Retrying', appearance: 'inprogress' },
  skipped: { text: 'Skipped', appearance: 'default' },
  held: { text: 'Held for digest', appearance: 'default' },
};

/** A status in words, for announcements. */
export const STATUS_TEXT = Object.fromEntries(
  Object.entries(STATUS_LOZENGES).map(([status, { text }]) => [status, text]),
) as Record<DeliveryLogEntry['status'], string>;

/** A row being retried keeps its last failure's reason: say it is the last one, not the answer. */
const reasonText = (entry: DeliveryLogEntry): string => {
  if (entry.status === 'sent') return entry.attempts > 1 ? 'Sent on a later attempt.' : 'Sent.';
  if (entry.status === 'retrying') {
    return entry.reason ? `Sending again. Last failure: ${entry.reason}` : 'Sending again.';
  }
  return entry.reason ?? 'No reason recorded';
};

const when = (iso: string) =>
  new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

const RetryCell = ({
  entry,
  onRetried,
}: {
  entry: DeliveryLogEntry;
  onRetried: (entry: DeliveryLogEntry) => void;
}) => {
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  if (!entry.canRetry) return null;
  const retry = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const next = await call('deliveries/retry', { key: entry.key });
      onRetried(next);
      announce(`Retry of “${entry.title}”: ${STATUS_LOZENGES[next.status].text}.`);
    } catch (failure) {
      setError(asFailure(failure).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack space="space.050">
      <Button
        spacing="compact"
        isLoading={busy}
        onClick={() => void retry()}
        aria-label={`Retry “${entry.title}” to ${entry.destinationLabel}`}
        testId={TEST_IDS.healthRetry}
      >
        Retry
      </Button>
      {error && (
        <Text size="small" color="color.text.danger" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
};

/**
 * The latest failed deliveries (and those being retried, or just retried from this page): what,
 * where, whose rule, why, and a retry where allowed.
 */
export const FailureTable = ({
  failures,
  windowDays,
  onRetried,
}: {
  failures: DeliveryLogEntry[];
  windowDays: number;
  onRetried: (entry: DeliveryLogEntry) => void;
}) => (
  <Section level={3} title="Latest failures">
    {failures.length === 0 ? (
      <Text as="p">No failed deliveries in the last {windowDays} days.</Text>
    ) : (
      <table className="data-table">
        <thead>
          <tr>
            <th scope="col">Content</th>
            <th scope="col">Sent to</th>
            <th scope="col">Rule owner</th>
            <th scope="col">Reason</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last try</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {failures.map((entry) => (
            <tr key={entry.key} data-testid={TEST_IDS.healthFailure}>
              <td>
                <Stack space="space.050">
                  <span>{entry.title}</span>
                  <span>
                    <Lozenge
                      appearance={STATUS_LOZENGES[entry.status].appearance}
                      testId={TEST_IDS.healthStatus}
                    >
                      {STATUS_LOZENGES[entry.status].text}
                    </Lozenge>
                  </span>
                </Stack>
              </td>
              <td>{entry.destinationLabel}</td>
              <td>{entry.ownerName}</td>
              <td>{reasonText(entry)}</td>
              <td>{entry.attempts}</td>
              <td>{when(entry.updatedAt)}</td>
              <td>
                <RetryCell entry={entry} onRetried={onRetried} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    )}
  </Section>
);
