import Button from '@atlaskit/button/new';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { DeliveryHealthView } from '../../../../src/contracts/deliveries';
import { useResolver } from '../api/use-resolver';
import { TEST_IDS } from '../testids';
import { Loading } from '../ui/loading';
import { ErrorNotice } from '../ui/notice';
import { Section } from '../ui/section';
import { FailureTable } from './failure-table';

type CountKind = 'sent' | 'failed' | 'retried' | 'skipped';

const COUNTS: { kind: CountKind; label: string }[] = [
  { kind: 'sent', label: 'Sent' },
  { kind: 'failed', label: 'Failed' },
  { kind: 'retried', label: 'Retried' },
  { kind: 'skipped', label: 'Skipped' },
];

const tileStyles = xcss({
  minWidth: '120px',
  padding: 'space.150',
  borderRadius: 'radius.medium',
  backgroundColor: 'color.background.neutral',
});

const Count = ({ kind, label, health }: { kind: CountKind; label: string; health: DeliveryHealthView }) => (
  <Box xcss={tileStyles} testId={TEST_IDS.healthCount(kind)}>
    <Stack space="space.050">
      <Text
        size="large"
        weight="bold"
        color={kind === 'failed' && health.failed > 0 ? 'color.text.danger' : 'color.text'}
      >
        {health[kind]}
      </Text>
      <Text size="small" color="color.text.subtle">
        {label}
      </Text>
    </Stack>
  </Box>
);

/** Whether cards reach Teams: counts over the last days and the latest failures, with retry. */
export const DeliveryHealth = () => {
  const health = useResolver('deliveries/health', {});
  const view = health.data;
  return (
    <Section
      title="Delivery health"
      testId={TEST_IDS.healthSection}
      description={view ? `Cards sent to Microsoft Teams in the last ${view.windowDays} days.` : undefined}
      actions={
        <Button
          spacing="compact"
          onClick={() => void health.reload()}
          isLoading={health.loading && Boolean(view)}
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
          <Inline space="space.150" shouldWrap role="list" aria-label="Deliveries by result">
            {COUNTS.map(({ kind, label }) => (
              <div role="listitem" key={kind}>
                <Count kind={kind} label={label} health={view} />
              </div>
            ))}
          </Inline>
          <FailureTable
            failures={view.latestFailures}
            windowDays={view.windowDays}
            onRetried={(entry) =>
              health.setData({
                ...view,
                latestFailures: view.latestFailures.map((failure) =>
                  failure.key === entry.key ? entry : failure,
                ),
              })
            }
          />
        </Stack>
      )}
    </Section>
  );
};
