import Lozenge from '@atlaskit/lozenge';
import { Inline, Text } from '@atlaskit/primitives';
import { useConnection } from '../site/connection-context';
import { TEST_IDS } from '../testids';

/** One line above a rule list: who new rules post as. Nothing until the user has connected. */
export const ConnectionSummary = () => {
  const { connection } = useConnection();
  if (connection?.status !== 'ok') return null;
  return (
    <Inline space="space.100" alignBlock="center" testId={TEST_IDS.connectionStatus}>
      <Lozenge appearance="success">Connected</Lozenge>
      <Text size="small">
        Rules you add post to Microsoft Teams as {connection.displayName} ({connection.upn}).
      </Text>
    </Inline>
  );
};
