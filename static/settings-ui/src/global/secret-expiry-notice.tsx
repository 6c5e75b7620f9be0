import type { TenantSettingsView } from '../../../../src/contracts/tenant';
import { TEST_IDS } from '../testids';
import { Notice } from '../ui/notice';

export const formatDay = (day: string): string =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, { dateStyle: 'long', timeZone: 'UTC' });

/**
 * The client secret stops every sign-in and send when it expires; the server decides when that
 * is close (from 30 days before), so every page agrees.
 */
export const SecretExpiryNotice = ({ tenant }: { tenant: TenantSettingsView }) => {
  const { state, daysLeft } = tenant.secretExpiry;
  if (state === 'expired') {
    return (
      <Notice appearance="error" title="The client secret has expired" testId={TEST_IDS.secretExpiry}>
        <p>
          It expired on {formatDay(tenant.secretExpiresOn)}. Nobody can log in and nothing is sent to Teams.
          Create a new client secret in Microsoft Entra and enter it in step 2 with its expiry date.
        </p>
      </Notice>
    );
  }
  if (state === 'expiring') {
    return (
      <Notice appearance="warning" title="The client secret expires soon" testId={TEST_IDS.secretExpiry}>
        <p>
          It expires on {formatDay(tenant.secretExpiresOn)}, in{' '}
          {daysLeft === 1 ? '1 day' : `${daysLeft} days`}. Create a new client secret in Microsoft Entra
          before then and enter it with its expiry date (Edit connection, step 2).
        </p>
      </Notice>
    );
  }
  return null;
};
