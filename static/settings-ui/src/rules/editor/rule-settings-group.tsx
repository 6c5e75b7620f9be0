import { Checkbox } from '@atlaskit/checkbox';
import { Inline, Stack } from '@atlaskit/primitives';
import { RadioGroup } from '@atlaskit/radio';
import Toggle from '@atlaskit/toggle';
import { TEST_IDS } from '../../testids';
import { errorAt, FieldMessages, Group } from '../../ui/fields';
import type { RuleDraft } from './rule-draft';

type Settings = Pick<RuleDraft, 'restrictedContent' | 'includeDescendants' | 'enabled' | 'mentions'>;

interface RuleSettingsGroupProps {
  settings: Settings;
  onChange: (settings: Partial<Settings>) => void;
  errors: Record<string, string>;
  isDisabled: boolean;
  /** Only a page rule can cover child pages. */
  isPageRule: boolean;
  /**
   * Set when only this owner may switch the rule to redact (the server refuses anyone else): a
   * redacted card tells a channel, in the owner's name, that content they cannot view exists.
   */
  ownerName?: string | null;
}

/** Restricted content, child pages and the on/off switch. */
export const RuleSettingsGroup = ({
  settings,
  onChange,
  errors,
  isDisabled,
  isPageRule,
  ownerName = null,
}: RuleSettingsGroupProps) => (
  <Stack space="space.200">
    <Group
      id="restricted-content"
      prominent
      legend="If the rule's owner can't see the content"
      helper={
        ownerName
          ? `A rule never sends what its owner isn't allowed to read. Only ${ownerName} can choose a card without details.`
          : "A rule never sends what its owner isn't allowed to read."
      }
      error={errorAt(errors, 'restrictedContent')}
    >
      <RadioGroup
        name="restrictedContent"
        value={settings.restrictedContent}
        isDisabled={isDisabled}
        onChange={(event) =>
          onChange({ restrictedContent: event.currentTarget.value as Settings['restrictedContent'] })
        }
        options={[
          {
            name: 'restrictedContent',
            value: 'skip',
            label: 'Send nothing',
            testId: TEST_IDS.restrictedContent('skip'),
          },
          {
            name: 'restrictedContent',
            value: 'redact',
            label: 'Send a card without the title or any details',
            testId: TEST_IDS.restrictedContent('redact'),
            isDisabled: Boolean(ownerName),
          },
        ]}
      />
    </Group>
    {isPageRule && (
      <Stack space="space.050">
        <Checkbox
          label="Also notify for child pages"
          isChecked={settings.includeDescendants}
          isDisabled={isDisabled}
          testId={TEST_IDS.includeDescendants}
          onChange={(event) => onChange({ includeDescendants: event.currentTarget.checked })}
        />
        <FieldMessages id="include-descendants" error={errorAt(errors, 'includeDescendants')} />
      </Stack>
    )}
    <Stack space="space.050">
      <Checkbox
        label="@mention people in Teams"
        isChecked={settings.mentions}
        isDisabled={isDisabled}
        testId={TEST_IDS.ruleMentions}
        onChange={(event) => onChange({ mentions: event.currentTarget.checked })}
      />
      <FieldMessages
        id="rule-mentions"
        helper="Cards mention the author and the people the content mentions, when they are mapped to Microsoft and can view it."
        error={errorAt(errors, 'mentions')}
      />
    </Stack>
    <Stack space="space.050">
      <Inline space="space.100" alignBlock="center">
        <Toggle
          id="rule-enabled"
          isChecked={settings.enabled}
          isDisabled={isDisabled}
          testId={TEST_IDS.ruleEnabled}
          onChange={(event) => onChange({ enabled: event.currentTarget.checked })}
        />
        <label htmlFor="rule-enabled" className="switch-label">
          Rule is on
        </label>
      </Inline>
      <FieldMessages
        id="rule-enabled"
        helper="Turn a rule off to stop it for a while without losing its settings."
        error={errorAt(errors, 'enabled')}
      />
    </Stack>
  </Stack>
);
