import { Checkbox } from '@atlaskit/checkbox';
import { Stack } from '@atlaskit/primitives';
import { TEST_IDS } from '../../testids';
import { errorAt, Group, TextInput } from '../../ui/fields';
import { CONTENT_TYPE_LABELS, type ContentType, type RuleFilters } from '../rule-text';
import { PeoplePicker } from './people-picker';
import { TagInput } from './tag-input';

interface FiltersGroupProps {
  filters: RuleFilters;
  onChange: (filters: RuleFilters) => void;
  errors: Record<string, string>;
  isDisabled: boolean;
  /** "my own changes" for the caller's rule, "Sam's own changes" for someone else's. */
  ownerPhrase: string;
  /** A page rule covers pages only: no content type to choose. */
  showContentTypes?: boolean;
}

const CONTENT_TYPES = Object.keys(CONTENT_TYPE_LABELS) as ContentType[];

/** What narrows the rule: content types, labels, authors, minor and own edits, and CQL. */
export const FiltersGroup = ({
  filters,
  onChange,
  errors,
  isDisabled,
  ownerPhrase,
  showContentTypes = true,
}: FiltersGroupProps) => {
  const set = <K extends keyof RuleFilters>(key: K, value: RuleFilters[K]) =>
    onChange({ ...filters, [key]: value });
  const tags = (
    key: 'labelsAny' | 'labelsAll' | 'labelsNone',
    id: string,
    label: string,
    placeholder: string,
  ) => (
    <TagInput
      id={id}
      label={label}
      values={filters[key]}
      onChange={(values) => set(key, values)}
      placeholder={placeholder}
      error={errorAt(errors, `filters.${key}`)}
      isDisabled={isDisabled}
    />
  );
  const people = (key: 'authorsInclude' | 'authorsExclude', id: string, label: string) => (
    <PeoplePicker
      id={id}
      label={label}
      values={filters[key]}
      onChange={(values) => set(key, values)}
      error={errorAt(errors, `filters.${key}`)}
      isDisabled={isDisabled}
    />
  );
  return (
    <Stack space="space.200">
      {showContentTypes && (
        <Group
          id="content-types"
          legend="Content types"
          helper="Leave both unticked for all content."
          error={errorAt(errors, 'filters.contentTypes')}
        >
          {CONTENT_TYPES.map((type) => (
            <Checkbox
              key={type}
              name="contentTypes"
              value={type}
              label={CONTENT_TYPE_LABELS[type]}
              isChecked={filters.contentTypes.includes(type)}
              isDisabled={isDisabled}
              testId={TEST_IDS.ruleContentType(type)}
              onChange={(event) => {
                const chosen = new Set(filters.contentTypes);
                if (event.currentTarget.checked) chosen.add(type);
                else chosen.delete(type);
                set(
                  'contentTypes',
                  CONTENT_TYPES.filter((candidate) => chosen.has(candidate)),
                );
              }}
            />
          ))}
        </Group>
      )}
      {tags('labelsAny', TEST_IDS.labelsAny, 'Has any of these labels', 'Type a label and press Enter')}
      {tags('labelsAll', TEST_IDS.labelsAll, 'Has all of these labels', 'Type a label and press Enter')}
      {tags('labelsNone', TEST_IDS.labelsNone, 'Has none of these labels', 'Type a label and press Enter')}
      {people('authorsInclude', TEST_IDS.authorsInclude, 'Only changes by')}
      {people('authorsExclude', TEST_IDS.authorsExclude, 'Never changes by')}
      <Group id="skips" legend="Skip">
        <Checkbox
          label="Skip minor edits"
          isChecked={filters.skipMinorEdits}
          isDisabled={isDisabled}
          testId={TEST_IDS.skipMinorEdits}
          onChange={(event) => set('skipMinorEdits', event.currentTarget.checked)}
        />
        <Checkbox
          label={`Skip ${ownerPhrase}`}
          isChecked={filters.skipOwnChanges}
          isDisabled={isDisabled}
          testId={TEST_IDS.skipOwnChanges}
          onChange={(event) => set('skipOwnChanges', event.currentTarget.checked)}
        />
      </Group>
      <TextInput
        id="rule-cql"
        label="Advanced: CQL filter"
        value={filters.cql}
        onChange={(value) => set('cql', value)}
        testId={TEST_IDS.cql}
        isMonospaced
        isDisabled={isDisabled}
        placeholder='label = "release" AND space = ENG'
        helper="Only content that also matches this Confluence query is sent. It runs as the rule's owner."
        error={errorAt(errors, 'filters.cql')}
      />
    </Stack>
  );
};
