import type { RuleView } from '../../../../src/contracts/rules';
import { TEST_IDS } from '../testids';
import { Notice } from '../ui/notice';

/**
 * Above a scope's rules: which of them are paused and why (their owner's Microsoft sign-in
 * expired; the server says so per rule), so a space admin sees it without reading every row.
 */
export const PausedRulesSummary = ({ rules }: { rules: readonly RuleView[] }) => {
  const paused = rules.filter((rule) => rule.paused);
  if (paused.length === 0) return null;
  const owners = [...new Set(paused.map((rule) => (rule.ownedByCaller ? 'you' : rule.ownerName)))];
  return (
    <Notice
      appearance="warning"
      title={`${paused.length === 1 ? '1 rule here is' : `${paused.length} rules here are`} paused`}
      level="h3"
      testId={TEST_IDS.pausedRulesSummary}
    >
      <p>
        They send nothing because Microsoft no longer accepts the sign-in of the person they post as:{' '}
        {owners.join(', ')}. They resume by themselves once{' '}
        {owners.length === 1 && owners[0] === 'you' ? 'you log' : 'that person logs'} in to Microsoft Teams
        again (Apps → Microsoft Teams).
      </p>
    </Notice>
  );
};
