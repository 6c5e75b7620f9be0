import Button from '@atlaskit/button/new';
import Link from '@atlaskit/link';
import { Stack, Text } from '@atlaskit/primitives';
import { useEffect, useState } from 'react';
import type { TeamsAppPackageDownload } from '../../../../src/contracts/teams-app';
import { asFailure, call, type ResolverFailure } from '../api/resolver-client';
import { TEST_IDS } from '../testids';
import { useAnnounce } from '../ui/announcer';
import { LiveRegion } from '../ui/live-region';
import { ErrorNotice } from '../ui/notice';

const zipOf = (base64: string): Blob => {
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new Blob([bytes], { type: 'application/zip' });
};

/** Forge's iframe allows downloads started by a click (its sandbox has `allow-downloads`). */
const save = (href: string, fileName: string) => {
  const link = document.createElement('a');
  link.href = href;
  link.download = fileName;
  link.className = 'visually-hidden';
  document.body.appendChild(link);
  link.click();
  link.remove();
};

/**
 * "Download the Teams app package": the zip this site's admin uploads in Teams admin center. It is
 * built on the server for this site (its host, the bot, the Microsoft connection's app).
 */
export const PackageDownload = ({ disabled }: { disabled: boolean }) => {
  const announce = useAnnounce();
  const [loading, setLoading] = useState(false);
  const [failure, setFailure] = useState<ResolverFailure | undefined>(undefined);
  const [done, setDone] = useState<{ download: TeamsAppPackageDownload; href: string } | undefined>(
    undefined,
  );
  // The zip's object URL lives as long as the link that offers it again.
  useEffect(() => () => done && URL.revokeObjectURL(done.href), [done]);

  const download = async () => {
    setLoading(true);
    setFailure(undefined);
    try {
      const answer = await call('teams-app/package', {});
      const href = URL.createObjectURL(zipOf(answer.base64));
      save(href, answer.fileName);
      setDone({ download: answer, href });
      announce(`Downloaded ${answer.fileName}`);
    } catch (error) {
      setFailure(asFailure(error));
    } finally {
      setLoading(false);
    }
  };

  return (
    <Stack space="space.150">
      <div>
        <Button
          appearance="primary"
          onClick={() => void download()}
          isLoading={loading}
          isDisabled={disabled}
          testId={TEST_IDS.downloadPackage}
        >
          Download the Teams app package
        </Button>
      </div>
      <LiveRegion testId={TEST_IDS.packageMessage}>
        {failure && <ErrorNotice error={failure} title="The package could not be built" level="h4" />}
        {done && (
          <Stack space="space.100">
            <dl className="details-list" data-testid={TEST_IDS.packageDetails}>
              <dt>File</dt>
              <dd>
                <Link href={done.href} download={done.download.fileName}>
                  {done.download.fileName}
                </Link>
              </dd>
              <dt>App id</dt>
              <dd>
                <code className="copyable">{done.download.appId}</code>
              </dd>
              <dt>Version</dt>
              <dd>
                {done.download.version} (manifest schema {done.download.manifestVersion})
              </dd>
            </dl>
            <Text size="small" color="color.text.subtle">
              The app id stays the same for this site; the version moves when the package changes, so
              uploading it again updates the app in Teams.
            </Text>
          </Stack>
        )}
      </LiveRegion>
    </Stack>
  );
};
