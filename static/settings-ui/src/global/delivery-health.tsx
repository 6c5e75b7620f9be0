import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { DeliveryHealthView, DeliveryLogEntry } from '../../../../src/contracts/deliveries';
import { asFailure, call } from '../api/resolver-client';
import { useResolver } from '../api/use-resolver';
import { TEST_IDS } from '../testids';
import { useAnnounce } from '../ui/announcer';
import { Loading } from '../ui/loading';
import { ErrorNotice } from '../ui/notice';
import { Section } from '../ui/section';
import { FailureTable, STATUS_TEXT } from './failure-table';

type CountKind = 'sent' | 'failed' | 'retried' | 'skipped';

/** Each counter says what it counts: rows of the delivery log, one per change and destination. */
const COUNTS: { kind: CountKind; label: string; hint: string }[] = [
  { kind: 'sent', label: 'Sent', hint: 'Cards posted or updated' },
  { kind: 'failed', label: 'Failed', hint: 'Not sent after every attempt' },
  { kind: 'retried', label: 'Retried', hint: 'Took more than one attempt' },
  { kind: 'skipped', label: 'Skipped when sending', hint: 'Stopped by the check before sending' },
];

/** How often a retry is looked at while it runs, and for how long at most (then Refresh). */
const POLL_MS = 2000;
const POLL_LIMIT = 60;
/** The server follows at most this many retried rows. */
const FOLLOW_LIMIT = 10;

const tileStyles = xcss({
  minWidth: '120px',
  padding: 'space.150',
  borderRadius: 'radius.medium',
  backgroundColor: 'color.background.neutral',
});

const Count = ({
  kind,
  label,
  hint,
  health,
}: {
  kind: CountKind;
  label: string;
  hint: string;
  health: DeliveryHealthView;
}) => (
  <Box xcss={tileStyles} testId={TEST_IDS.healthCount(kind)}>
    <Stack space="space.050">
      <Text
        size="large"
        weight="bold"
        color={kind === 'failed' && health.failed > 0 ? 'color.text.danger' : 'color.text'}
      >
        {health[kind]}
      </Text>
      <Text size="small" weight="semibold">
        {label}
      </Text>
      <Text size="small" color="color.text.subtle">
        {hint}
      </Text>
    </Stack>
  </Box>
);

const isPending = (view: DeliveryHealthView | undefined): boolean =>
  view?.latestFailures.some((entry) => entry.status === 'retrying') ?? false;

/**
 * Whether cards reach Teams: counts over the last days and the latest failures, with retry.
 * While a retry runs, the view asks again every few seconds (with the retried rows named, so a
 * row that was sent stays in view as Sent) and stops once nothing is retrying.
 */
export const DeliveryHealth = () => {
  const announce = useAnnounce();
  const health = useResolver('deliveries/health', {});
  const view = health.data;
  const { setData } = health;
  const [followed, setFollowed] = useState<string[]>([]);
  const [polls, setPolls] = useState(0);
  const [refreshing, setRefreshing] = useState(false);
  const [refreshError, setRefreshError] = useState<string | undefined>(undefined);
  const latest = useRef(view);
  latest.current = view;

  const refresh = useCallback(
    async (follow: string[]) => {
      setRefreshing(true);
      try {
        const next = await call('deliveries/health', follow.length > 0 ? { follow } : {});
        const before = new Map((latest.current?.latestFailures ?? []).map((e) => [e.key, e]));
        for (const entry of next.latestFailures) {
          const was = before.get(entry.key);
          if (was?.status === 'retrying' && entry.status !== 'retrying') {
            announce(`Retry of “${entry.title}”: ${STATUS_TEXT[entry.status]}.`);
          }
        }
        setData(next);
        setRefreshError(undefined);
      } catch (failure) {
        setRefreshError(asFailure(failure).message);
      } finally {
        setRefreshing(false);
      }
    },
    [announce, setData],
  );

  const pending = isPending(view);
  useEffect(() => {
    // One look at a time: the next is scheduled once the last has answered.
    if (!pending || refreshing || polls >= POLL_LIMIT) return undefined;
    const timer = window.setTimeout(() => {
      setPolls((n) => n + 1);
      void refresh(followed);
    }, POLL_MS);
    return () => window.clearTimeout(timer);
  }, [pending, refreshing, polls, followed, refresh]);

  const retried = (entry: DeliveryLogEntry) => {
    if (!view) return;
    const follow = [entry.key, ...followed.filter((key) => key !== entry.key)].slice(0, FOLLOW_LIMIT);
    setFollowed(follow);
    setPolls(0);
    health.setData({
      ...view,
      latestFailures: view.latestFailures.map((failure) => (failure.key === entry.key ? entry : failure)),
    });
  };

  return (
    <Section
      title="Delivery health"
      testId={TEST_IDS.healthSection}
      description={view ? `Deliveries to Microsoft Teams in the last ${view.windowDays} days.` : undefined}
      actions={
        <Button
          spacing="compact"
          onClick={() => {
            setPolls(0);
            void refresh(followed);
          }}
          isLoading={refreshing && !pending}
          testId={TEST_IDS.healthRefresh}
        >
          Refresh
        </Button>
      }
    >
      {!view && health.error && <ErrorNotice error={health.error} onRetry={() => void health.reload()} />}
      {!view && !health.error && <Loading label="Loading delivery health" />}
      {view && (
        <Stack space="space.300">
          <Stack space="space.100">
            <Inline space="space.150" shouldWrap role="list" aria-label="Deliveries by result">
              {COUNTS.map(({ kind, label, hint }) => (
                <div role="listitem" key={kind}>
                  <Count kind={kind} label={label} hint={hint} health={view} />
                </div>
              ))}
            </Inline>
            <Text as="p" size="small" color="color.text.subtle" testId={TEST_IDS.healthExplanation}>
              A delivery is one change for one place a rule sends to. Skipped when sending: the rule’s owner
              could not view the content, or the rule was changed, turned off or deleted after the change.
              Changes a rule’s filters leave out, such as minor edits and the owner’s own changes, never
              become deliveries and are not counted.
            </Text>
          </Stack>
          {refreshError && (
            <Text as="p" color="color.text.danger" role="alert">
              {refreshError}
            </Text>
          )}
          {pending && polls >= POLL_LIMIT && (
            <Text as="p" color="color.text.subtle">
              Still retrying. Refresh to check again.
            </Text>
          )}
          <FailureTable failures={view.latestFailures} windowDays={view.windowDays} onRetried={retried} />
        </Stack>
      )}
    </Section>
  );
};
