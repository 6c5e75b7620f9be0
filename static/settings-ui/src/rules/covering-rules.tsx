import Lozenge from '@atlaskit/lozenge';
import { Box, Stack, Text, xcss } from '@atlaskit/primitives';
import type { CoveringRuleView } from '../../../../src/contracts/rules';
import { useResolver } from '../api/use-resolver';
import { TEST_IDS } from '../testids';
import { Loading } from '../ui/loading';
import { ErrorNotice } from '../ui/notice';
import { Section } from '../ui/section';
import { eventsText } from './rule-text';

const rowStyles = xcss({
  paddingBlock: 'space.100',
  borderBlockEndWidth: 'border.width',
  borderBlockEndStyle: 'solid',
  borderBlockEndColor: 'color.border',
});

const SCOPE_LOZENGE: Record<CoveringRuleView['scope'], string> = {
  global: 'Global rule',
  space: 'Space rule',
  content: 'Page rule',
};

const CoveringRow = ({ rule }: { rule: CoveringRuleView }) => (
  <Box as="li" xcss={rowStyles} testId={TEST_IDS.coveringRule} data-rule-id={rule.id}>
    <Stack space="space.050">
      <Text weight="semibold">
        {rule.destinationLabel} <Lozenge>{SCOPE_LOZENGE[rule.scope]}</Lozenge>
      </Text>
      <Text size="small">
        {rule.coverage} · When: {eventsText(rule.events)}
      </Text>
      <Text size="small" color="color.text.subtle">
        Set up by {rule.ownedByCaller ? `${rule.ownerName} (you)` : rule.ownerName}
      </Text>
    </Stack>
  </Box>
);

/**
 * The space, global and parent-page rules that already send this page's updates, above the
 * page's own rules, so nobody adds a second rule to the same place. Only the page's editors ask
 * (the server checks it again); with none, nothing is shown.
 */
export const CoveringRules = ({ contentId, kind }: { contentId: string; kind: string }) => {
  const covering = useResolver('rules/covering', { contentId }, contentId !== '');
  if (covering.error) return <ErrorNotice error={covering.error} onRetry={() => void covering.reload()} />;
  if (!covering.data)
    return covering.loading ? <Loading label="Loading the rules that cover this page" /> : null;
  if (covering.data.length === 0) return null;
  return (
    <Section
      level={3}
      title="Already sent by these rules"
      description={`Updates to this ${kind} already go to these places. Add a rule here only for somewhere else.`}
      testId={TEST_IDS.coveringRules}
    >
      <ul className="plain-list" aria-label="Already sent by these rules">
        {covering.data.map((rule) => (
          <CoveringRow key={rule.id} rule={rule} />
        ))}
      </ul>
    </Section>
  );
};
