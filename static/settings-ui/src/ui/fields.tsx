import { ErrorMessage, HelperMessage, Label, Legend } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';
import Textfield from '@atlaskit/textfield';
import type { ReactNode } from 'react';

/** The ids a control names in aria-describedby, so its helper and error are read with it. */
export const describedBy = (id: string, helper: unknown, error: unknown): string | undefined =>
  [helper ? `${id}-helper` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;

export const FieldMessages = ({ id, helper, error }: { id: string; helper?: ReactNode; error?: string }) => (
  <>
    {helper && (
      <div id={`${id}-helper`}>
        <HelperMessage>{helper}</HelperMessage>
      </div>
    )}
    {error && (
      <div id={`${id}-error`}>
        <ErrorMessage>{error}</ErrorMessage>
      </div>
    )}
  </>
);

interface TextInputProps {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  testId: string;
  helper?: ReactNode;
  error?: string;
  type?: 'text' | 'password' | 'date' | 'time';
  isDisabled?: boolean;
  isMonospaced?: boolean;
  autoComplete?: string;
  placeholder?: string;
  width?: number;
  after?: ReactNode;
  /** The earliest date a date field offers (YYYY-MM-DD). */
  min?: string;
}

/** A labelled Atlaskit text field with its helper and error wired to it. */
export const TextInput = (props: TextInputProps) => {
  const { id, label, value, onChange, testId, helper, error, type = 'text', after, ...rest } = props;
  return (
    <Stack space="space.050">
      <Label htmlFor={id}>{label}</Label>
      <Textfield
        id={id}
        name={id}
        type={type}
        value={value}
        onChange={(event) => onChange(event.currentTarget.value)}
        isInvalid={Boolean(error)}
        aria-describedby={describedBy(id, helper, error)}
        testId={testId}
        isDisabled={rest.isDisabled}
        isMonospaced={rest.isMonospaced}
        autoComplete={rest.autoComplete ?? 'off'}
        placeholder={rest.placeholder}
        width={rest.width}
        elemAfterInput={after}
        min={rest.min}
      />
      <FieldMessages id={id} helper={helper} error={error} />
    </Stack>
  );
};

/** A fieldset whose legend names a group of checkboxes or radios. */
export const Group = ({
  id,
  legend,
  helper,
  error,
  children,
  testId,
  prominent = false,
}: {
  id: string;
  legend: string;
  helper?: ReactNode;
  error?: string;
  children: ReactNode;
  testId?: string;
  /** A main part of a form ("When", "Where to notify"): its legend reads like a small heading. */
  prominent?: boolean;
}) => (
  <fieldset className="plain-fieldset" aria-describedby={describedBy(id, helper, error)} data-testid={testId}>
    {prominent ? <legend className="group-legend">{legend}</legend> : <Legend>{legend}</Legend>}
    <Stack space="space.050">{children}</Stack>
    <FieldMessages id={id} helper={helper} error={error} />
  </fieldset>
);

/**
 * The server names invalid fields by zod path (`filters.cql`, `destination.teamId`,
 * `filters.labelsAny.2`); a field shows the message for its own path or any path below it.
 */
export const errorAt = (errors: Record<string, string>, path: string): string | undefined => {
  if (errors[path]) return errors[path];
  const below = Object.keys(errors).find((key) => key.startsWith(`${path}.`));
  return below ? errors[below] : undefined;
};

/** Messages for paths no field on screen shows, so nothing the server said is lost. */
export const unplacedErrors = (errors: Record<string, string>, placed: readonly string[]): string[] =>
  Object.entries(errors)
    .filter(([key]) => !placed.some((path) => key === path || key.startsWith(`${path}.`)))
    .map(([key, message]) => `${key}: ${message}`);

/**
 * The errors left once the person changed the fields at `paths` (and anything below them): a
 * field they fixed stops showing the old message; the others keep theirs until the next save.
 */
export const withoutErrorsAt = (
  errors: Record<string, string>,
  paths: readonly string[],
): Record<string, string> =>
  Object.fromEntries(
    Object.entries(errors).filter(
      ([key]) => !paths.some((path) => key === path || key.startsWith(`${path}.`)),
    ),
  );

/** The keys whose values differ between two versions of a small object, for withoutErrorsAt. */
export const changedKeys = <T extends object>(before: T, after: Partial<T>): string[] =>
  (Object.keys(after) as (keyof T)[])
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map(String);

/**
 * The error paths a change touches: `key` for a plain field, `key.sub` for each changed part of
 * a nested one (`quietHours.start`), so fixing one part does not hide a sibling's message.
 */
export const changedPaths = <T extends object>(
  before: T,
  after: Partial<T>,
  nested: readonly (keyof T & string)[] = [],
): string[] =>
  changedKeys(before, after).flatMap((key) =>
    nested.includes(key as keyof T & string)
      ? changedKeys(before[key as keyof T] as object, after[key as keyof T] as Partial<object>).map(
          (sub) => `${key}.${sub}`,
        )
      : [key],
  );
