import { Notice } from '../ui/notice';
import { TEST_IDS } from '../testids';

/**
 * Nothing works before a site admin maps the Microsoft tenant. A site admin is told where to do
 * it; everyone else, whom to ask.
 */
export const TenantMissingNotice = ({
  isSiteAdmin,
  level = 'h3',
}: {
  isSiteAdmin: boolean;
  level?: 'h2' | 'h3';
}) =>
  isSiteAdmin ? (
    <Notice
      appearance="warning"
      title="Connect this site to Microsoft Teams first"
      level={level}
      testId={TEST_IDS.tenantMissing}
    >
      <p>
        Nobody can log in to Microsoft Teams or send notifications until this Confluence site is connected to
        your Microsoft tenant. Open Confluence settings, then Apps, then Microsoft Teams, and enter your
        Microsoft Entra app registration.
      </p>
    </Notice>
  ) : (
    <Notice
      appearance="warning"
      title="A site admin must connect Microsoft Teams first"
      level={level}
      testId={TEST_IDS.tenantMissing}
    >
      <p>
        This Confluence site is not connected to Microsoft Teams yet, so nobody can log in or send
        notifications. Ask a Confluence site admin to set it up in Confluence settings, under Apps, Microsoft
        Teams.
      </p>
    </Notice>
  );
