import { Stack } from '@atlaskit/primitives';
import { useState } from 'react';
import type { TeamsAppSettingsView } from '../../../../src/contracts/teams-app';
import { asFailure, call, type ResolverFailure } from '../api/resolver-client';
import { SwitchField } from '../personal/quiet-hours-fields';
import { TEST_IDS } from '../testids';
import { LiveRegion } from '../ui/live-region';
import { ErrorNotice } from '../ui/notice';

/**
 * Link previews for the whole site: when on, a link to this site pasted into Teams shows a
 * preview card read as the person who pasted it (nothing for content they cannot view).
 */
export const LinkPreviewsSwitch = ({
  view,
  onSaved,
}: {
  view: TeamsAppSettingsView;
  onSaved: (view: TeamsAppSettingsView) => void;
}) => {
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<ResolverFailure | undefined>(undefined);

  const save = async (enabled: boolean) => {
    setSaving(true);
    setFailure(undefined);
    try {
      onSaved(await call('teams-app/link-previews', { enabled }));
    } catch (error) {
      setFailure(asFailure(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Stack space="space.100">
      <SwitchField
        id="link-previews"
        label="Preview links to this site in Teams"
        helper="Each preview is read as the person who pastes the link; content they cannot view gets none. Previews need the app in Teams, like search and comments."
        isChecked={view.linkPreviews}
        onChange={(enabled) => void (saving || !view.tenantConfigured ? undefined : save(enabled))}
        testId={TEST_IDS.linkPreviewsSwitch}
      />
      <LiveRegion testId={TEST_IDS.linkPreviewsResult}>
        {failure && <ErrorNotice error={failure} title="Link previews were not changed" level="h4" />}
      </LiveRegion>
    </Stack>
  );
};
