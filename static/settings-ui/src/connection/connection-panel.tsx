import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import type { ConnectionView } from '../../../../src/contracts/connection';
import { useConnection } from '../site/connection-context';
import { useSite } from '../site/site-context';
import { TEST_IDS } from '../testids';
import { asFailure, type ResolverFailure } from '../api/resolver-client';
import { confirmInModal } from '../ui/confirm-request';
import { Loading } from '../ui/loading';
import { ErrorNotice } from '../ui/notice';
import { ConnectPrompt } from './connect-prompt';
import { TenantMissingNotice } from './tenant-missing-notice';

const formatDate = (iso: string | null): string =>
  iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : 'Unknown';

const Details = ({ connection }: { connection: ConnectionView }) => (
  <dl className="details-list" data-testid={TEST_IDS.connectionDetails}>
    <dt>Microsoft name</dt>
    <dd>{connection.displayName}</dd>
    <dt>Account</dt>
    <dd>{connection.upn}</dd>
    <dt>Tenant</dt>
    <dd>{connection.tenantId}</dd>
    <dt>Connected</dt>
    <dd>{formatDate(connection.connectedAt)}</dd>
  </dl>
);

/** The personal page's connection: who you are in Microsoft Teams, log in, disconnect. */
export const ConnectionPanel = () => {
  const site = useSite();
  const { connection, error, refresh, disconnected } = useConnection();
  const [failure, setFailure] = useState<ResolverFailure | undefined>(undefined);
  if (!site.tenantConfigured) return <TenantMissingNotice isSiteAdmin={site.isSiteAdmin} />;
  if (!connection) {
    return error ? (
      <ErrorNotice error={error} onRetry={() => void refresh()} />
    ) : (
      <Loading label="Checking your Microsoft connection" />
    );
  }
  if (connection.status !== 'ok') return <ConnectPrompt />;
  const confirmDisconnect = async () => {
    setFailure(undefined);
    try {
      const answer = await confirmInModal({
        title: 'Disconnect Microsoft Teams?',
        text: 'Confluence forgets your Microsoft sign-in.',
        warning:
          'Rules you own stop sending to Teams until you log in again, and you get no personal notifications.',
        confirmLabel: 'Disconnect',
        testId: TEST_IDS.disconnectModal,
        action: { key: 'connection/disconnect', input: {} },
      });
      if (answer) disconnected(answer);
    } catch (problem) {
      setFailure(asFailure(problem));
    }
  };
  return (
    <Stack space="space.200">
      <Inline space="space.100" alignBlock="center" testId={TEST_IDS.connectionStatus}>
        <Lozenge appearance="success">Connected</Lozenge>
        <Text>
          You are connected to Microsoft Teams as <strong>{connection.displayName}</strong>.
        </Text>
      </Inline>
      <Details connection={connection} />
      <div>
        <Button onClick={() => void confirmDisconnect()} testId={TEST_IDS.disconnectButton}>
          Disconnect
        </Button>
      </div>
      {failure && <ErrorNotice error={failure} title="Disconnect didn't start" level="h3" />}
    </Stack>
  );
};
