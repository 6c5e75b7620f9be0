import { Checkbox } from '@atlaskit/checkbox';
import { TEST_IDS } from '../../testids';
import { Group } from '../../ui/fields';
import { EVENT_KINDS, EVENT_LABELS, type EventKind } from '../rule-text';

/** The Confluence events that fire the rule; kept in one order so edits compare cleanly. */
export const EventsGroup = ({
  events,
  onChange,
  error,
  isDisabled,
  kinds = EVENT_KINDS,
}: {
  events: EventKind[];
  onChange: (events: EventKind[]) => void;
  error?: string;
  isDisabled: boolean;
  /** The events that fit the rule's scope (a page rule has no blog post events). */
  kinds?: readonly EventKind[];
}) => (
  <Group id="events" legend="When" error={error} testId="rule-events" prominent>
    {kinds.map((kind) => (
      <Checkbox
        key={kind}
        name="events"
        value={kind}
        label={EVENT_LABELS[kind]}
        isChecked={events.includes(kind)}
        isDisabled={isDisabled}
        isInvalid={Boolean(error)}
        testId={TEST_IDS.ruleEvent(kind)}
        onChange={(event) => {
          const chosen = new Set(events);
          if (event.currentTarget.checked) chosen.add(kind);
          else chosen.delete(kind);
          onChange(kinds.filter((candidate) => chosen.has(candidate)));
        }}
      />
    ))}
  </Group>
);
