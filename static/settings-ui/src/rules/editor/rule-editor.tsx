import Button from '@atlaskit/button/new';
import Heading from '@atlaskit/heading';
import { Box, Inline, Stack, xcss } from '@atlaskit/primitives';
import { SectionMessageAction } from '@atlaskit/section-message';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { PAGE_RULE_EVENTS, type RuleScopeInput, type RuleView } from '../../../../../src/contracts/rules';
import { asFailure, call, ResolverFailure } from '../../api/resolver-client';
import { DestinationGroup } from '../../destination/destination-group';
import { useSite } from '../../site/site-context';
import { TEST_IDS } from '../../testids';
import { errorAt, Group, withoutErrorsAt } from '../../ui/fields';
import { FailureNotice } from '../../ui/failure-notice';
import { LiveRegion } from '../../ui/live-region';
import { Notice } from '../../ui/notice';
import { destinationText, EVENT_KINDS } from '../rule-text';
import { EventsGroup } from './events-group';
import { FiltersGroup } from './filters-group';
import {
  createInput,
  draftOf,
  draftPaths,
  newDraft,
  ruleErrors,
  updateInput,
  type RuleDraft,
} from './rule-draft';
import { RuleSettingsGroup } from './rule-settings-group';
import { CatchUpField, type CatchUpChoice } from './catch-up-field';

const editorStyles = xcss({
  padding: 'space.300',
  borderRadius: 'radius.medium',
  borderWidth: 'border.width',
  borderStyle: 'solid',
  borderColor: 'color.border',
});

/** Paths the editor shows next to a field; anything else the server names is listed in the message. */
const PLACED = [
  'events',
  'destination',
  'filters',
  'restrictedContent',
  'includeDescendants',
  'enabled',
  'mentions',
  'catchUpSince',
];

interface RuleEditorProps {
  scope: RuleScopeInput;
  rule?: RuleView;
  onSaved: (rule: RuleView, created: boolean) => void;
  onCancel: () => void;
  onDelete: (rule: RuleView) => void;
  /** After a conflict: load the rule as it is now. */
  onReload: (id: string) => Promise<void>;
}

/** Adds or edits one rule; what the caller may not change (someone else's destination) is locked. */
export const RuleEditor = ({ scope, rule, onSaved, onCancel, onDelete, onReload }: RuleEditorProps) => {
  const site = useSite();
  const headingId = useId();
  const top = useRef<HTMLDivElement>(null);
  const [draft, setDraft] = useState<RuleDraft>(() => (rule ? draftOf(rule) : newDraft()));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ResolverFailure | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const [catchUp, setCatchUp] = useState<CatchUpChoice>(null);
  const maySettings = !rule || rule.canEditSettings;
  const mayDestination = !rule || rule.canEditDestination;
  const change = (part: Partial<RuleDraft>) => {
    setErrors((current) => withoutErrorsAt(current, draftPaths(draft, part)));
    setDraft((current) => ({ ...current, ...part }));
  };
  useEffect(() => top.current?.focus(), []);

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const local = ruleErrors(draft, mayDestination);
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setFailure(new ResolverFailure('invalid_input', 'Check the fields marked in red.'));
      return;
    }
    setFailure(undefined);
    setSaving(true);
    try {
      if (!rule) {
        const input = {
          ...createInput(scope, draft),
          ...(catchUp !== null ? { catchUpSince: catchUp } : {}),
        };
        return onSaved(await call('rules/create', input), true);
      }
      const update = updateInput(rule, draft);
      if (Object.keys(update).length === 2) return onCancel(); // nothing changed: only id and version
      onSaved(await call('rules/update', update), false);
    } catch (error) {
      const refused = asFailure(error);
      setFailure(refused);
      setErrors(refused.fieldErrors);
      setSaving(false);
    }
  };

  const ownerPhrase = !rule || rule.ownedByCaller ? 'my own changes' : `${rule.ownerName}'s own changes`;
  return (
    <div ref={top} tabIndex={-1} aria-labelledby={headingId} role="region">
      <Box xcss={editorStyles} testId={TEST_IDS.ruleEditor}>
        <form onSubmit={(event) => void save(event)} noValidate>
          <Stack space="space.300">
            <Heading as="h3" size="small" id={headingId}>
              {rule ? 'Edit rule' : 'New rule'}
            </Heading>
            {rule && !rule.ownedByCaller && (
              <Notice
                appearance="information"
                title={`Owned by ${rule.ownerName}`}
                level="h4"
                testId={TEST_IDS.ruleOwner}
              >
                <p>
                  {rule.canEditSettings
                    ? `You can change when it fires, its filters and whether it is on. Only ${rule.ownerName} can change where it posts, because it posts as them.`
                    : 'You can see this rule but not change it.'}
                </p>
              </Notice>
            )}
            <EventsGroup
              kinds={scope.scope === 'content' ? PAGE_RULE_EVENTS : EVENT_KINDS}
              events={draft.events}
              onChange={(events) => change({ events })}
              error={errorAt(errors, 'events')}
              isDisabled={!maySettings}
            />
            <DestinationGroup
              kinds={['channel', 'chat', 'personal']}
              kind={draft.kind}
              onKindChange={(kind) => change({ kind })}
              channel={draft.channel}
              onChannelChange={(channel) => change({ channel })}
              chat={draft.chat}
              onChatChange={(chat) => change({ chat })}
              errors={errors}
              botConfigured={site.botConfigured}
              lockedReason={
                rule && !mayDestination
                  ? `It posts to ${destinationText(rule.destination, false, rule.ownerName)}. Only ${rule.ownerName} can change that.`
                  : undefined
              }
            />
            <Group id="filters" legend="Filters" prominent>
              <FiltersGroup
                filters={draft.filters}
                onChange={(filters) => change({ filters })}
                errors={errors}
                isDisabled={!maySettings}
                ownerPhrase={ownerPhrase}
                showContentTypes={scope.scope !== 'content'}
              />
            </Group>
            <RuleSettingsGroup
              settings={draft}
              onChange={change}
              errors={errors}
              isDisabled={!maySettings}
              isPageRule={scope.scope === 'content'}
              ownerName={
                rule && !rule.ownedByCaller && rule.restrictedContent !== 'redact' ? rule.ownerName : null
              }
            />
            {!rule && (
              <CatchUpField
                value={catchUp}
                onChange={(value) => {
                  setErrors((current) => withoutErrorsAt(current, ['catchUpSince']));
                  setCatchUp(value);
                }}
                errors={errors}
              />
            )}
            <LiveRegion testId={TEST_IDS.ruleEditorMessage}>
              {failure?.code === 'conflict' ? (
                <Notice
                  appearance="warning"
                  title="Someone else changed this rule"
                  level="h4"
                  actions={
                    <SectionMessageAction
                      onClick={() => void onReload(rule?.id ?? '')}
                      testId={TEST_IDS.ruleReload}
                    >
                      Reload the rule
                    </SectionMessageAction>
                  }
                >
                  <p>{failure.message}</p>
                </Notice>
              ) : (
                failure && (
                  <FailureNotice
                    failure={failure}
                    title="The rule was not saved"
                    placed={PLACED}
                    level="h4"
                  />
                )
              )}
            </LiveRegion>
            <Inline space="space.100">
              <Button type="submit" appearance="primary" isLoading={saving} testId={TEST_IDS.ruleSave}>
                {rule ? 'Save rule' : 'Add rule'}
              </Button>
              <Button appearance="subtle" onClick={onCancel} testId={TEST_IDS.ruleCancel}>
                Cancel
              </Button>
              {rule?.canEditSettings && (
                <Button appearance="subtle" onClick={() => onDelete(rule)}>
                  Delete rule
                </Button>
              )}
            </Inline>
          </Stack>
        </form>
      </Box>
    </div>
  );
};
