import Button from '@atlaskit/button/new';
import Link from '@atlaskit/link';
import Lozenge from '@atlaskit/lozenge';
import { Box, Inline, Stack, Text, xcss } from '@atlaskit/primitives';
import type { ConnectionView } from '../../../../src/contracts/connection';
import type { RuleView } from '../../../../src/contracts/rules';
import { navigateTo } from '../forge/navigation';
import { useConnection } from '../site/connection-context';
import { TEST_IDS } from '../testids';
import { changeText, destinationText, eventsText, filtersText } from './rule-text';

/** How many of a rule's latest changes its row lists. */
const CHANGES_SHOWN = 5;

const rowStyles = xcss({
  paddingBlock: 'space.150',
  borderBlockEndWidth: 'border.width',
  borderBlockEndStyle: 'solid',
  borderBlockEndColor: 'color.border',
});

interface RuleRowProps {
  rule: RuleView;
  onEdit?: (rule: RuleView) => void;
  onDelete?: (rule: RuleView) => void;
  /** On "rules you own": where the rule lives, as a link there. */
  showLocation?: boolean;
}

/**
 * Why a rule sends nothing now: its owner's sign-in expired (the server says so for any owner),
 * or the caller owns it and is not connected at all.
 */
const pauseReason = (rule: RuleView, mine: ConnectionView | undefined): string | null => {
  if (rule.paused || (rule.ownedByCaller && mine?.status === 'needs-login')) {
    return rule.ownedByCaller
      ? 'Paused: you need to log in to Microsoft Teams again.'
      : `Paused: ${rule.ownerName} needs to log in to Microsoft Teams again.`;
  }
  if (rule.ownedByCaller && mine?.status === 'not-connected') {
    return 'Paused: you are not connected to Microsoft Teams. Log in to resume it.';
  }
  return null;
};

/** One rule: where it posts, on what, with which filters, whose it is and whether it runs. */
export const RuleRow = ({ rule, onEdit, onDelete, showLocation = false }: RuleRowProps) => {
  const where = destinationText(rule.destination, rule.ownedByCaller, rule.ownerName);
  const owner = rule.ownedByCaller ? `${rule.ownerName} (you)` : rule.ownerName;
  const canEdit = rule.canEditSettings || rule.canEditDestination;
  const paused = pauseReason(rule, useConnection().connection);
  return (
    <Box as="li" xcss={rowStyles} testId={TEST_IDS.ruleRow} data-rule-id={rule.id}>
      <Inline spread="space-between" alignBlock="start" space="space.200">
        <Stack space="space.050">
          <Inline space="space.100" alignBlock="center" shouldWrap>
            <Text weight="semibold">{where}</Text>
            <Lozenge appearance={rule.enabled ? 'success' : 'default'} testId={TEST_IDS.ruleStatus}>
              {rule.enabled ? 'On' : 'Off'}
            </Lozenge>
            {paused && (
              <Lozenge appearance="moved" testId={TEST_IDS.rulePaused}>
                Paused
              </Lozenge>
            )}
          </Inline>
          <Text size="small">When: {eventsText(rule.events)}</Text>
          <Text size="small" color="color.text.subtle">
            {filtersText(rule.filters)}
            {rule.includeDescendants ? ' · Also child pages' : ''}
            {rule.restrictedContent === 'redact' ? ' · Restricted content as a card without details' : ''}
          </Text>
          <Text size="small" color="color.text.subtle">
            Owner: {owner}
          </Text>
          {paused && (
            <Text size="small" color="color.text.warning">
              {paused}
            </Text>
          )}
          {rule.changes.length > 0 && (
            // The rule posts as its owner while others may edit it: this is how the owner sees who changed what.
            <ul className="plain-list" data-testid={TEST_IDS.ruleHistory} aria-label="Recent changes">
              {rule.changes
                .slice(-CHANGES_SHOWN)
                .reverse()
                .map((change) => (
                  <li key={`${change.at}-${change.byName}`}>
                    <Text size="small" color="color.text.subtle">
                      {changeText(change)}
                    </Text>
                  </li>
                ))}
            </ul>
          )}
          {showLocation && rule.location.url && (
            <Text size="small">
              Set up in{' '}
              <Link
                href={rule.location.url}
                testId={TEST_IDS.ruleLocation}
                onClick={(event) => {
                  event.preventDefault();
                  void navigateTo(rule.location.url);
                }}
              >
                {rule.location.label}
              </Link>
            </Text>
          )}
          {showLocation && !rule.location.url && <Text size="small">Set up in {rule.location.label}</Text>}
        </Stack>
        {(onEdit || onDelete) && (
          <Inline space="space.100">
            {onEdit && canEdit && (
              <Button
                spacing="compact"
                aria-label={`Edit rule for ${where}`}
                onClick={() => onEdit(rule)}
                testId={TEST_IDS.ruleEdit}
              >
                Edit
              </Button>
            )}
            {onDelete && rule.canEditSettings && (
              <Button
                spacing="compact"
                appearance="subtle"
                aria-label={`Delete rule for ${where}`}
                onClick={() => onDelete(rule)}
                testId={TEST_IDS.ruleDelete}
              >
                Delete
              </Button>
            )}
          </Inline>
        )}
      </Inline>
    </Box>
  );
};
