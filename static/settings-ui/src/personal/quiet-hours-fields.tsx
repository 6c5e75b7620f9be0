import { Inline, Stack } from '@atlaskit/primitives';
import Toggle from '@atlaskit/toggle';
import { useMemo, type ReactNode } from 'react';
import type { PersonalPreferences } from '../../../../src/contracts/preferences';
import { Picker } from '../destination/picker';
import { TEST_IDS } from '../testids';
import { errorAt, FieldMessages, Group, TextInput } from '../ui/fields';
import { timeZoneOptions, zoneLabel } from './time-zones';

type QuietHours = PersonalPreferences['quietHours'];

/** A labelled Atlaskit toggle with its helper and error. */
export const SwitchField = (props: {
  id: string;
  label: string;
  isChecked: boolean;
  onChange: (checked: boolean) => void;
  testId: string;
  helper?: ReactNode;
  error?: string;
}) => (
  <Stack space="space.050">
    <Inline space="space.100" alignBlock="center">
      <Toggle
        id={props.id}
        isChecked={props.isChecked}
        onChange={(event) => props.onChange(event.currentTarget.checked)}
        testId={props.testId}
        descriptionId={props.helper ? `${props.id}-helper` : undefined}
      />
      <label htmlFor={props.id} className="switch-label">
        {props.label}
      </label>
    </Inline>
    <FieldMessages id={props.id} helper={props.helper} error={props.error} />
  </Stack>
);

/** The person's time zone, which quiet hours and the daily digest's time are in. */
export const TimeZoneField = ({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (timeZone: string) => void;
  error?: string;
}) => {
  const zones = useMemo(
    () => timeZoneOptions(value).map((zone) => ({ value: zone, label: zoneLabel(zone) })),
    [value],
  );
  return (
    <Picker
      id={TEST_IDS.timeZonePicker}
      label="Your time zone"
      options={zones}
      value={{ value, label: zoneLabel(value) }}
      onChange={(zone) => onChange(zone.value)}
      placeholder="Choose a time zone"
      noOptionsText="No time zone with that name"
      error={error}
    />
  );
};

/** Quiet hours: no messages between two times of day in the person's time zone. */
export const QuietHoursFields = ({
  value,
  onChange,
  errors,
}: {
  value: QuietHours;
  onChange: (value: QuietHours) => void;
  errors: Record<string, string>;
}) => {
  const set = (part: Partial<QuietHours>) => onChange({ ...value, ...part });
  return (
    <Group id="quiet-hours" legend="Quiet hours" error={errorAt(errors, 'quietHours.enabled')} prominent>
      <SwitchField
        id="pref-quiet-hours"
        label="Hold messages during quiet hours"
        isChecked={value.enabled}
        onChange={(enabled) => set({ enabled })}
        testId={TEST_IDS.quietHours}
        helper="Messages that arrive meanwhile are sent when quiet hours end."
      />
      {value.enabled && (
        <Stack space="space.150">
          <Inline space="space.200" shouldWrap>
            <TextInput
              id="pref-quiet-start"
              label="From"
              type="time"
              value={value.start}
              onChange={(start) => set({ start })}
              testId={TEST_IDS.quietStart}
              width={140}
              error={errorAt(errors, 'quietHours.start')}
            />
            <TextInput
              id="pref-quiet-end"
              label="Until"
              type="time"
              value={value.end}
              onChange={(end) => set({ end })}
              testId={TEST_IDS.quietEnd}
              width={140}
              error={errorAt(errors, 'quietHours.end')}
            />
          </Inline>
        </Stack>
      )}
    </Group>
  );
};
