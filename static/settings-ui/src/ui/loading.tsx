import { Inline, Text } from '@atlaskit/primitives';
import Spinner from '@atlaskit/spinner';
import { TEST_IDS } from '../testids';

/** A spinner that says what it waits for, to screen readers and to everyone else. */
export const Loading = ({ label }: { label: string }) => (
  <Inline space="space.100" alignBlock="center" testId={TEST_IDS.loading}>
    <Spinner size="small" label={label} />
    <Text color="color.text.subtle">{label}…</Text>
  </Inline>
);
