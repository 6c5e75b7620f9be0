import { Label } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';
import { CreatableSelect } from '@atlaskit/select';
import { useState, type ReactNode } from 'react';
import { describedBy, FieldMessages } from '../../ui/fields';

interface Tag {
  label: string;
  value: string;
}

interface TagInputProps {
  /** Also the wrapper's test id; the input's id is `${id}-input`. */
  id: string;
  label: string;
  values: string[];
  onChange: (values: string[]) => void;
  placeholder: string;
  helper?: ReactNode;
  error?: string;
  isDisabled?: boolean;
}

/** Words typed and kept as tags (labels, account IDs): Enter, comma or space adds what was typed. */
export const TagInput = ({
  id,
  label,
  values,
  onChange,
  placeholder,
  helper,
  error,
  isDisabled,
}: TagInputProps) => {
  const [input, setInput] = useState('');
  const add = (text: string) => {
    const words = text
      .split(/[\s,]+/)
      .map((word) => word.trim())
      .filter(Boolean);
    const next = [...values, ...words.filter((word) => !values.includes(word))];
    if (next.length !== values.length) onChange(next);
    setInput('');
  };
  return (
    <Stack space="space.050">
      <Label htmlFor={`${id}-input`}>{label}</Label>
      <div data-testid={id}>
        <CreatableSelect<Tag, true>
          inputId={`${id}-input`}
          isMulti
          isClearable={false}
          isDisabled={isDisabled}
          isInvalid={Boolean(error)}
          descriptionId={describedBy(id, helper, error)}
          options={[]}
          menuIsOpen={false}
          components={{ DropdownIndicator: null }}
          value={values.map((value) => ({ label: value, value }))}
          inputValue={input}
          onInputChange={(text: string) => (/[\s,]$/.test(text) ? add(text) : setInput(text))}
          onChange={(tags: readonly Tag[]) => onChange(tags.map((tag) => tag.value))}
          onKeyDown={(event: React.KeyboardEvent) => {
            if ((event.key === 'Enter' || event.key === 'Tab') && input) {
              event.preventDefault();
              add(input);
            }
          }}
          onBlur={() => input && add(input)}
          placeholder={placeholder}
        />
      </div>
      <FieldMessages id={id} helper={helper} error={error} />
    </Stack>
  );
};
