import Button from '@atlaskit/button/new';
import { Stack, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import type { UserMappingView } from '../../../../src/contracts/user-mapping';
import { asFailure, call } from '../api/resolver-client';
import { TEST_IDS } from '../testids';
import { useAnnounce } from '../ui/announcer';

const RemoveButton = ({ mapping, onRemoved }: { mapping: UserMappingView; onRemoved: () => void }) => {
  const announce = useAnnounce();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>(undefined);
  const remove = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await call('user-mapping/remove', { accountId: mapping.accountId });
      announce(`Removed the imported mapping of ${mapping.name || mapping.email}.`);
      onRemoved();
    } catch (failure) {
      setError(asFailure(failure).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack space="space.050">
      <Button
        spacing="compact"
        isLoading={busy}
        onClick={() => void remove()}
        aria-label={`Remove the imported mapping of ${mapping.name || mapping.email}`}
        testId={TEST_IDS.removeUserMapping}
      >
        Remove
      </Button>
      {error && (
        <Text size="small" color="color.text.danger" role="alert">
          {error}
        </Text>
      )}
    </Stack>
  );
};

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium' });

/** The imported mappings, newest import first, each removable. */
export const UserMappingList = ({
  mappings,
  onRemoved,
}: {
  mappings: UserMappingView[];
  onRemoved: (accountId: string) => void;
}) =>
  mappings.length === 0 ? (
    <Text as="p">No one is mapped by an import yet.</Text>
  ) : (
    <table className="data-table">
      <thead>
        <tr>
          <th scope="col">Confluence person</th>
          <th scope="col">E-mail</th>
          <th scope="col">Microsoft user</th>
          <th scope="col">Imported</th>
          <th scope="col">
            <span className="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {mappings.map((m) => (
          <tr key={m.accountId} data-testid={TEST_IDS.userMappingRow}>
            <td>{m.name || m.accountId}</td>
            <td>{m.email}</td>
            <td>{m.microsoftName}</td>
            <td>{when(m.importedAt)}</td>
            <td>
              <RemoveButton mapping={m} onRemoved={() => onRemoved(m.accountId)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
