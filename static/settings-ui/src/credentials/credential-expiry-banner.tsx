import { Box, xcss } from '@atlaskit/primitives';
import type { ExpiringCredential, TrackedSecret } from '../../../../src/contracts/credentials';
import { useResolver } from '../api/use-resolver';
import { formatDay } from '../global/secret-expiry-notice';
import { TEST_IDS } from '../testids';
import { Notice } from '../ui/notice';

const NAMES: Record<TrackedSecret, string> = {
  'client-secret': 'The Microsoft Entra client secret',
  'bot-secret': "The companion bot's client secret",
};

const bannerStyles = xcss({ marginBlockEnd: 'space.300' });

const line = ({ which, expiresOn, expiry }: ExpiringCredential): string =>
  expiry.state === 'expired'
    ? `${NAMES[which]} expired on ${formatDay(expiresOn)}.`
    : `${NAMES[which]} expires on ${formatDay(expiresOn)}, in ${expiry.daysLeft === 1 ? '1 day' : `${expiry.daysLeft ?? '?'} days`}.`;

/**
 * Site admins see, on every settings page, the Microsoft secrets that expire within 30 days; the
 * server answers anyone else with nothing. `except`: secrets the page already warns about itself.
 */
export const CredentialExpiryBanner = ({ except = [] }: { except?: readonly TrackedSecret[] }) => {
  const { data } = useResolver('credentials/expiry', {});
  const shown = (data?.expiring ?? []).filter((c) => !except.includes(c.which));
  if (shown.length === 0) return null;
  const expired = shown.some((c) => c.expiry.state === 'expired');
  return (
    <Box xcss={bannerStyles}>
      <Notice
        appearance={expired ? 'error' : 'warning'}
        title={expired ? 'A Microsoft secret has expired' : 'A Microsoft secret expires soon'}
        level="h2"
        testId={TEST_IDS.credentialExpiry}
      >
        {shown.map((c) => (
          <p key={c.which}>{line(c)}</p>
        ))}
        <p>
          When it expires nobody can log in and nothing is sent to Teams. A site admin enters a new secret
          with its expiry date under Settings → Microsoft Teams. (Only site admins see this.)
        </p>
      </Notice>
    </Box>
  );
};
