import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Stack } from '@atlaskit/primitives';
import { useState } from 'react';
import { useResolver } from '../api/use-resolver';
import { useReloadSite } from '../site/site-context';
import { TEST_IDS } from '../testids';
import { useAnnounce } from '../ui/announcer';
import { Loading } from '../ui/loading';
import { ErrorNotice } from '../ui/notice';
import { Section } from '../ui/section';
import { useReturnRefresh } from '../ui/use-return-refresh';
import { ConsentPanel } from './consent-panel';
import { RegistrationSteps } from './registration-steps';
import { SecretExpiryNotice } from './secret-expiry-notice';
import { TenantForm } from './tenant-form';
import { TENANT_STATUS_LOZENGES, tenantStatusOf } from './tenant-status';
import { TenantSummary } from './tenant-summary';

/**
 * The site's Microsoft connection (tenant mapping). Until it works: the steps in Entra, the form,
 * admin consent. Once connected: a summary, with "Edit connection" for the steps again.
 */
export const TenantSection = () => {
  const tenant = useResolver('tenant/get', {});
  const reloadSite = useReloadSite();
  const announce = useAnnounce();
  const [editing, setEditing] = useState(false);
  const { reload } = tenant;
  // Consent happens in another tab: coming back is when its result is most likely there.
  useReturnRefresh(() => void reload());

  const view = tenant.data;
  const status = view ? tenantStatusOf(view) : undefined;
  const lozenge = status ? TENANT_STATUS_LOZENGES[status] : undefined;
  const collapsed = status === 'connected' && !editing;
  return (
    <Section
      title="Microsoft connection"
      testId={TEST_IDS.tenantSection}
      description="Connect this Confluence site to your organisation's Microsoft tenant through an app registration of your own."
      actions={
        lozenge && (
          <span data-testid={TEST_IDS.tenantStatus}>
            <Lozenge appearance={lozenge.appearance}>{lozenge.text}</Lozenge>
          </span>
        )
      }
    >
      {!view && tenant.error && <ErrorNotice error={tenant.error} onRetry={() => void reload()} />}
      {!view && !tenant.error && <Loading label="Loading the Microsoft connection" />}
      {view && (
        <Stack space="space.300">
          <SecretExpiryNotice tenant={view} />
          {collapsed ? (
            <TenantSummary tenant={view} onEdit={() => setEditing(true)} />
          ) : (
            <>
              <Section level={3} title="1. Register an app in Microsoft Entra">
                <RegistrationSteps tenant={view} />
              </Section>
              <Section level={3} title="2. Enter the app registration">
                <TenantForm
                  tenant={view}
                  onSaved={(saved) => {
                    tenant.setData(saved);
                    void reloadSite();
                  }}
                />
              </Section>
              <Section level={3} title="3. Grant admin consent">
                <ConsentPanel tenant={view} onCheck={() => void reload()} />
              </Section>
              {status === 'connected' && (
                <div>
                  <Button
                    onClick={() => {
                      setEditing(false);
                      announce('The Microsoft connection steps are hidden.');
                    }}
                    testId={TEST_IDS.tenantDone}
                  >
                    Done
                  </Button>
                </div>
              )}
            </>
          )}
        </Stack>
      )}
    </Section>
  );
};
