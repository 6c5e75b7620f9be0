import { Checkbox } from '@atlaskit/checkbox';
import { Stack } from '@atlaskit/primitives';
import { TEST_IDS } from '../../testids';
import { errorAt, TextInput } from '../../ui/fields';

const DAY_MS = 24 * 60 * 60 * 1000;
const dayOf = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** `null`: no catch-up; otherwise the day it starts (`YYYY-MM-DD`). */
export type CatchUpChoice = string | null;

interface CatchUpFieldProps {
  value: CatchUpChoice;
  onChange: (value: CatchUpChoice) => void;
  errors: Record<string, string>;
}

/**
 * "Also send what changed since …", offered only when a rule is created. The date picker offers
 * the last 90 days; the server checks the day again (a typed date, a stale page).
 */
export const CatchUpField = ({ value, onChange, errors }: CatchUpFieldProps) => {
  const today = Date.now();
  return (
    <Stack space="space.100">
      <Checkbox
        label="Also send what changed since a date"
        isChecked={value !== null}
        testId={TEST_IDS.catchUpToggle}
        onChange={(event) => onChange(event.currentTarget.checked ? dayOf(today - 7 * DAY_MS) : null)}
      />
      {value !== null && (
        <TextInput
          id="catch-up-since"
          label="Changed since"
          type="date"
          value={value}
          min={dayOf(today - 90 * DAY_MS)}
          onChange={onChange}
          testId={TEST_IDS.catchUpSince}
          helper="One card lists up to 50 matching changes since this day (at most 90 days back), with a link to the rest in Confluence. It is sent once, when the rule is added."
          error={errorAt(errors, 'catchUpSince')}
        />
      )}
    </Stack>
  );
};
