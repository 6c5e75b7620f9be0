import { Label } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';
import { AsyncSelect } from '@atlaskit/select';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { PersonOption } from '../../../../../src/contracts/people';
import { call } from '../../api/resolver-client';
import { describedBy, FieldMessages } from '../../ui/fields';

interface Option {
  label: string;
  value: string;
}

interface PeoplePickerProps {
  /** Also the wrapper's test id; the input's id is `${id}-input`. */
  id: string;
  label: string;
  /** Account ids: what the rule stores. */
  values: string[];
  onChange: (values: string[]) => void;
  helper?: ReactNode;
  error?: string;
  isDisabled?: boolean;
}

/** The server asks nothing under two letters; neither does the picker. */
const MIN_QUERY = 2;
/** Typing settles before Confluence is asked. */
const DEBOUNCE_MS = 250;

/**
 * People by name for a rule's author filters: Confluence is searched as the caller, the picker
 * shows names and the rule keeps account ids. Ids already stored are named once on opening.
 */
export const PeoplePicker = ({
  id,
  label,
  values,
  onChange,
  helper,
  error,
  isDisabled,
}: PeoplePickerProps) => {
  const [names, setNames] = useState<Record<string, string>>({});
  const initial = useRef(values);
  const timer = useRef<number | undefined>(undefined);

  const remember = (people: readonly PersonOption[]) =>
    setNames((known) => ({
      ...known,
      ...Object.fromEntries(people.map((p) => [p.accountId, p.displayName])),
    }));

  useEffect(() => {
    const stored = initial.current;
    if (stored.length === 0) return;
    // A name that cannot be read leaves the id showing; the rule still works.
    call('people/names', { accountIds: stored.slice(0, 20) }).then(remember, () => undefined);
  }, []);

  useEffect(() => () => window.clearTimeout(timer.current), []);

  const load = (text: string): Promise<Option[]> => {
    window.clearTimeout(timer.current);
    const query = text.trim().slice(0, 100);
    if (query.length < MIN_QUERY) return Promise.resolve([]);
    return new Promise((resolve) => {
      timer.current = window.setTimeout(() => {
        call('people/search', { query }).then(
          (found) => {
            remember(found);
            resolve(found.map((p) => ({ label: p.displayName, value: p.accountId })));
          },
          () => resolve([]),
        );
      }, DEBOUNCE_MS);
    });
  };

  return (
    <Stack space="space.050">
      <Label htmlFor={`${id}-input`}>{label}</Label>
      <div data-testid={id}>
        <AsyncSelect<Option, true>
          inputId={`${id}-input`}
          isMulti
          isClearable={false}
          isDisabled={isDisabled}
          isInvalid={Boolean(error)}
          descriptionId={describedBy(id, helper, error)}
          loadOptions={load}
          value={values.map((value) => ({ value, label: names[value] ?? value }))}
          onChange={(chosen: readonly Option[]) => onChange(chosen.map((option) => option.value))}
          noOptionsMessage={({ inputValue }: { inputValue: string }) =>
            inputValue.trim().length < MIN_QUERY
              ? 'Type at least two letters of a name'
              : 'Nobody by that name'
          }
          placeholder="Search people by name"
        />
      </div>
      <FieldMessages id={id} helper={helper} error={error} />
    </Stack>
  );
};
