import { Text } from '@atlaskit/primitives';
import { useResolver } from '../api/use-resolver';
import { RuleRow } from '../rules/rule-row';
import { TEST_IDS } from '../testids';
import { Loading } from '../ui/loading';
import { ErrorNotice } from '../ui/notice';
import { Section } from '../ui/section';

/** Every rule the person owns, wherever it lives, each with a link to where it is edited. */
export const MyRules = () => {
  const rules = useResolver('rules/mine', {});
  return (
    <Section
      title="Rules you own"
      description="Rules post to Teams as their owner. Edit a rule where it lives: in a space's settings or from a page's ••• menu."
      testId={TEST_IDS.myRules}
    >
      {rules.error && <ErrorNotice error={rules.error} onRetry={() => void rules.reload()} />}
      {!rules.data && !rules.error && <Loading label="Loading your rules" />}
      {rules.data?.length === 0 && (
        <Text as="p" testId={TEST_IDS.noRules}>
          You don't own any rules yet. Add one in a space's settings (Integrations, Microsoft Teams) or from a
          page's ••• menu.
        </Text>
      )}
      {rules.data && rules.data.length > 0 && (
        <ul className="plain-list" data-testid={TEST_IDS.ruleList} aria-label="Rules you own">
          {rules.data.map((rule) => (
            <RuleRow key={rule.id} rule={rule} showLocation />
          ))}
        </ul>
      )}
    </Section>
  );
};
