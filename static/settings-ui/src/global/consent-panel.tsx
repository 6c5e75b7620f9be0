import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Inline, Stack, Text } from '@atlaskit/primitives';
import { useState } from 'react';
import type { TenantSettingsView } from '../../../../src/contracts/tenant';
import { asFailure, call, type ResolverFailure } from '../api/resolver-client';
import { openInNewTab } from '../forge/navigation';
import { TEST_IDS } from '../testids';
import { LiveRegion } from '../ui/live-region';
import { usePolling } from '../ui/use-return-refresh';
import { ErrorNotice } from '../ui/notice';

/**
 * Admin consent, once per tenant, on Microsoft's page in a new tab; the settings are asked again
 * every few seconds until it is granted (the tenant is bound from a token, never from the URL).
 */
export const ConsentPanel = ({ tenant, onCheck }: { tenant: TenantSettingsView; onCheck: () => void }) => {
  const [opened, setOpened] = useState(false);
  const [failure, setFailure] = useState<ResolverFailure | undefined>(undefined);
  usePolling(opened && tenant.consent !== 'granted', onCheck);
  const expired = tenant.secretExpiry.state === 'expired';
  const start = async () => {
    setFailure(undefined);
    try {
      const { url } = await call('tenant/start-consent', {});
      await openInNewTab(url);
      setOpened(true);
    } catch (error) {
      setFailure(asFailure(error));
    }
  };
  if (tenant.consent === 'granted') {
    return (
      <Inline space="space.100" alignBlock="center" testId={TEST_IDS.consentStatus}>
        <Lozenge appearance="success">Admin consent granted</Lozenge>
        {tenant.consentGrantedAt && (
          <Text size="small" color="color.text.subtle">
            on {new Date(tenant.consentGrantedAt).toLocaleDateString(undefined, { dateStyle: 'long' })}
          </Text>
        )}
      </Inline>
    );
  }
  return (
    <Stack space="space.150">
      <Inline space="space.100" alignBlock="center" testId={TEST_IDS.consentStatus}>
        <Lozenge appearance="moved">Admin consent needed</Lozenge>
        <Text size="small">
          A Microsoft administrator of the tenant grants the permissions above once, for everyone.
        </Text>
      </Inline>
      <div>
        <Button
          appearance="primary"
          isDisabled={!tenant.configured || expired}
          onClick={() => void start()}
          testId={TEST_IDS.grantConsent}
        >
          Grant admin consent
        </Button>
      </div>
      <LiveRegion testId={TEST_IDS.consentMessage}>
        {!tenant.configured && <Text size="small">Save the Microsoft connection first.</Text>}
        {tenant.configured && expired && (
          <Text size="small">Save a new client secret first: the stored one has expired.</Text>
        )}
        {opened && (
          <Text>Finish on the Microsoft tab that opened. This page updates when you come back.</Text>
        )}
        {failure && <ErrorNotice error={failure} title="Admin consent didn't start" level="h4" />}
      </LiveRegion>
    </Stack>
  );
};
