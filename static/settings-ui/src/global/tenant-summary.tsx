import Button from '@atlaskit/button/new';
import { Stack } from '@atlaskit/primitives';
import type { TenantSettingsView } from '../../../../src/contracts/tenant';
import { TEST_IDS } from '../testids';
import { formatDay } from './secret-expiry-notice';

const grantedOn = (iso: string | null): string =>
  iso ? `Granted on ${new Date(iso).toLocaleDateString(undefined, { dateStyle: 'long' })}` : 'Granted';

/**
 * The connection once it works: what it is, in four lines, instead of the whole walkthrough in
 * Entra that was needed to set it up. "Edit connection" brings the steps back.
 */
export const TenantSummary = ({ tenant, onEdit }: { tenant: TenantSettingsView; onEdit: () => void }) => (
  <Stack space="space.200">
    <dl className="details-list" data-testid={TEST_IDS.tenantSummary}>
      <dt>Directory (tenant) ID</dt>
      <dd>
        <code className="copyable">{tenant.tenantId}</code>
      </dd>
      <dt>Application (client) ID</dt>
      <dd>
        <code className="copyable">{tenant.clientId}</code>
      </dd>
      <dt>Client secret</dt>
      <dd>Stored; expires on {formatDay(tenant.secretExpiresOn)}</dd>
      <dt>Admin consent</dt>
      <dd data-testid={TEST_IDS.consentStatus}>{grantedOn(tenant.consentGrantedAt)}</dd>
    </dl>
    <div>
      <Button onClick={onEdit} testId={TEST_IDS.editConnection}>
        Edit connection
      </Button>
    </div>
  </Stack>
);
