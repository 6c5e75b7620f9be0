import Button from '@atlaskit/button/new';
import { Stack, Text } from '@atlaskit/primitives';
import { useCallback, useEffect, useId, useState, type ChangeEvent } from 'react';
import type {
  ImportConfirmed,
  ImportPreviewView,
  UserMappingView,
} from '../../../../src/contracts/user-mapping';
import { asFailure, call, ResolverFailure } from '../api/resolver-client';
import { useSite } from '../site/site-context';
import { TEST_IDS } from '../testids';
import { LiveRegion } from '../ui/live-region';
import { ErrorNotice, Notice } from '../ui/notice';
import { Section } from '../ui/section';
import { ImportPreview } from './import-preview';
import { UserMappingList } from './user-mapping-list';

/**
 * Forge refuses an `invoke` over 500 KB (the file travels as JSON text); names outside ASCII can
 * reach it before the server's own cap of 400,000 characters.
 */
const MAX_INVOKE_BYTES = 490_000;
const TOO_LARGE =
  'The file is too large to send in one go. Export the users of some groups at a time and import each file.';

const encodedSize = (csv: string) => new TextEncoder().encode(JSON.stringify({ csv })).length;

/**
 * People mapped from Atlassian's user export (admin.atlassian.com → Directory → Users → Export
 * users): choose the CSV, see what the Microsoft directory finds for each person, confirm; then
 * see and remove the imported mappings. A person's own login always wins over an import.
 */
export const UserMappingSection = () => {
  const { tenantConfigured } = useSite();
  const fileInputId = useId();
  const [reading, setReading] = useState(false);
  const [saving, setSaving] = useState(false);
  const [preview, setPreview] = useState<ImportPreviewView | undefined>(undefined);
  const [saved, setSaved] = useState<ImportConfirmed | undefined>(undefined);
  const [failure, setFailure] = useState<ResolverFailure | undefined>(undefined);
  const [mappings, setMappings] = useState<UserMappingView[]>([]);
  const [cursor, setCursor] = useState<string | undefined>(undefined);
  const [listFailure, setListFailure] = useState<ResolverFailure | undefined>(undefined);

  const loadPage = useCallback(async (after?: string) => {
    try {
      const page = await call('user-mapping/list', after ? { cursor: after } : {});
      setMappings((shown) => (after ? [...shown, ...page.mappings] : page.mappings));
      setCursor(page.cursor);
      setListFailure(undefined);
    } catch (error) {
      setListFailure(asFailure(error));
    }
  }, []);
  useEffect(() => {
    if (tenantConfigured) void loadPage();
  }, [tenantConfigured, loadPage]);

  const choose = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    event.currentTarget.value = '';
    if (!file) return;
    setPreview(undefined);
    setSaved(undefined);
    setFailure(undefined);
    setReading(true);
    try {
      const csv = await file.text();
      if (encodedSize(csv) > MAX_INVOKE_BYTES) throw new ResolverFailure('invalid_input', TOO_LARGE);
      setPreview(await call('user-mapping/preview', { csv }));
    } catch (error) {
      setFailure(asFailure(error));
    } finally {
      setReading(false);
    }
  };

  const confirm = async () => {
    if (!preview) return;
    setSaving(true);
    setFailure(undefined);
    try {
      setSaved(await call('user-mapping/confirm', { previewId: preview.previewId }));
      setPreview(undefined);
      await loadPage();
    } catch (error) {
      setFailure(asFailure(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Section
      title="People in Microsoft Teams"
      testId={TEST_IDS.userMappingSection}
      description="People who logged in to Microsoft Teams are mapped already. Import Atlassian's user export to map everyone else, so cards can @mention them in Teams. A person's own login always wins over an import."
    >
      {!tenantConfigured ? (
        <Notice appearance="information">
          <p>Set up the Microsoft connection above first: people are looked up in its directory.</p>
        </Notice>
      ) : (
        <Stack space="space.300">
          <Stack space="space.100">
            <label htmlFor={fileInputId}>
              <Text weight="medium">
                User export (CSV from admin.atlassian.com → Directory → Users → Export users)
              </Text>
            </label>
            <input
              id={fileInputId}
              type="file"
              accept=".csv,text/csv"
              disabled={reading || saving}
              onChange={(event) => void choose(event)}
              data-testid={TEST_IDS.userExportFile}
            />
            <Text size="small" color="color.text.subtle">
              Up to 1,000 people per file; each e-mail is looked up in Microsoft as you. Nothing is saved
              until you confirm.
            </Text>
            {reading && <Text>Looking people up in Microsoft…</Text>}
          </Stack>
          <LiveRegion testId={TEST_IDS.userImportMessage}>
            {failure && <ErrorNotice error={failure} title="The file was not imported" level="h4" />}
            {saved && (
              <Notice appearance="success">
                <p>
                  Saved {saved.saved} {saved.saved === 1 ? 'person' : 'people'}
                  {saved.removed > 0 ? `; removed ${saved.removed} that the file no longer matches` : ''}.
                </p>
              </Notice>
            )}
          </LiveRegion>
          {preview && (
            <ImportPreview
              preview={preview}
              saving={saving}
              onConfirm={() => void confirm()}
              onCancel={() => setPreview(undefined)}
            />
          )}
          <Section level={3} title="Imported mappings">
            {listFailure && <ErrorNotice error={listFailure} onRetry={() => void loadPage()} />}
            <UserMappingList
              mappings={mappings}
              onRemoved={(accountId) =>
                setMappings((shown) => shown.filter((m) => m.accountId !== accountId))
              }
            />
            {cursor && (
              <div>
                <Button onClick={() => void loadPage(cursor)} testId={TEST_IDS.userMappingsMore}>
                  Show more
                </Button>
              </div>
            )}
          </Section>
        </Stack>
      )}
    </Section>
  );
};
