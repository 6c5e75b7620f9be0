import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import type { ImportOutcome, ImportPreviewView } from '../../../../src/contracts/user-mapping';
import { TEST_IDS } from '../testids';

const OUTCOMES: Record<
  ImportOutcome,
  { text: string; appearance: 'success' | 'removed' | 'moved' | 'default' | 'inprogress' }
> = {
  matched: { text: 'Matched', appearance: 'success' },
  'not-found': { text: 'Not found', appearance: 'removed' },
  ambiguous: { text: 'Ambiguous', appearance: 'moved' },
  inactive: { text: 'Inactive', appearance: 'default' },
  unchecked: { text: 'Not checked', appearance: 'inprogress' },
};

/** What an import would do, before anything is saved: counts, one row per person, Confirm. */
export const ImportPreview = ({
  preview,
  saving,
  onConfirm,
  onCancel,
}: {
  preview: ImportPreviewView;
  saving: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) => (
  <Stack space="space.200">
    <Inline space="space.200" shouldWrap>
      {(Object.keys(OUTCOMES) as ImportOutcome[]).map((outcome) => (
        <Text key={outcome} testId={TEST_IDS.importCount(outcome)}>
          <Lozenge appearance={OUTCOMES[outcome].appearance}>{OUTCOMES[outcome].text}</Lozenge>{' '}
          {preview.counts[outcome]}
        </Text>
      ))}
    </Inline>
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">Line</th>
          <th scope="col">Confluence person</th>
          <th scope="col">E-mail</th>
          <th scope="col">Result</th>
          <th scope="col">Microsoft user, or why not</th>
        </tr>
      </thead>
      <tbody>
        {preview.rows.map((row) => (
          <tr key={row.accountId} data-testid={TEST_IDS.importPreviewRow} data-outcome={row.outcome}>
            <td>{row.line}</td>
            <td>{row.name || row.accountId}</td>
            <td>{row.email}</td>
            <td>
              <Lozenge appearance={OUTCOMES[row.outcome].appearance}>{OUTCOMES[row.outcome].text}</Lozenge>
            </td>
            <td>{row.outcome === 'matched' ? row.microsoftName : row.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
    <Text>
      Confirm saves the {preview.counts.matched} matched people; people this file no longer matches lose their
      imported mapping. Logins are never changed. This preview is kept for {preview.expiresInMinutes} minutes.
    </Text>
    <Inline space="space.100">
      <Button
        appearance="primary"
        onClick={onConfirm}
        isLoading={saving}
        isDisabled={preview.counts.matched === 0 && preview.rows.every((r) => r.outcome === 'unchecked')}
        testId={TEST_IDS.confirmImport}
      >
        Confirm import
      </Button>
      <Button onClick={onCancel} isDisabled={saving} testId={TEST_IDS.cancelImport}>
        Cancel
      </Button>
    </Inline>
  </Stack>
);
