import { Label } from '@atlaskit/form';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack } from '@atlaskit/primitives';
import Select from '@atlaskit/select';
import type { ReactNode } from 'react';
import { describedBy, FieldMessages } from '../ui/fields';

export interface PickerOption {
  label: string;
  value: string;
  /** A short tag after the name, e.g. a channel's membership type. */
  tag?: string;
}

interface PickerProps {
  /** Also the wrapper's test id; the input's id is `${id}-input`. */
  id: string;
  label: string;
  options: PickerOption[];
  value: PickerOption | null;
  onChange: (option: PickerOption) => void;
  isLoading?: boolean;
  isDisabled?: boolean;
  placeholder: string;
  /** Shown when nothing matches what was typed. */
  noOptionsText: string;
  /** Shown when there is nothing to choose from at all, before anything is typed. */
  emptyText?: string;
  helper?: ReactNode;
  error?: string;
}

const optionLabel = (option: PickerOption) =>
  option.tag ? (
    <Inline space="space.100" alignBlock="center">
      <span>{option.label}</span>
      <Lozenge>{option.tag}</Lozenge>
    </Inline>
  ) : (
    option.label
  );

/** A labelled, searchable Atlaskit select of one item (a team, a channel, a chat, a time zone). */
export const Picker = ({
  id,
  label,
  options,
  value,
  onChange,
  placeholder,
  noOptionsText,
  emptyText,
  helper,
  error,
  ...state
}: PickerProps) => (
  <Stack space="space.050">
    <Label htmlFor={`${id}-input`}>{label}</Label>
    <div data-testid={id}>
      <Select<PickerOption>
        inputId={`${id}-input`}
        options={options}
        value={value}
        onChange={(option) => option && onChange(option)}
        isLoading={state.isLoading}
        isDisabled={state.isDisabled}
        isInvalid={Boolean(error)}
        descriptionId={describedBy(id, helper, error)}
        placeholder={placeholder}
        noOptionsMessage={({ inputValue }) =>
          inputValue.trim() ? noOptionsText : (emptyText ?? noOptionsText)
        }
        formatOptionLabel={optionLabel}
        getOptionLabel={(option) => (option.tag ? `${option.label} (${option.tag})` : option.label)}
        menuPlacement="auto"
        isSearchable
      />
    </div>
    <FieldMessages id={id} helper={helper} error={error} />
  </Stack>
);
