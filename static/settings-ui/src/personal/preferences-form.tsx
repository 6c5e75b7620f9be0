import Button from '@atlaskit/button/new';
import { Checkbox } from '@atlaskit/checkbox';
import { Stack } from '@atlaskit/primitives';
import { useState, type FormEvent } from 'react';
import type { PersonalPreferences } from '../../../../src/contracts/preferences';
import { asFailure, call, type ResolverFailure } from '../api/resolver-client';
import { TEST_IDS } from '../testids';
import { FailureNotice } from '../ui/failure-notice';
import { changedPaths, errorAt, Group, TextInput, withoutErrorsAt } from '../ui/fields';
import { LiveRegion } from '../ui/live-region';
import { Notice } from '../ui/notice';
import { QuietHoursFields, SwitchField, TimeZoneField } from './quiet-hours-fields';
import { browserTimeZone } from './time-zones';

type EventPreference = 'watchedContentUpdated' | 'mentions' | 'commentsOnMyContent' | 'repliesToMyComments';

const EVENTS: { key: EventPreference; label: string }[] = [
  { key: 'watchedContentUpdated', label: 'Pages and blog posts I watch are updated' },
  { key: 'mentions', label: 'Someone @mentions me' },
  { key: 'commentsOnMyContent', label: 'Someone comments on my pages and blog posts' },
  { key: 'repliesToMyComments', label: 'Someone replies to my comments' },
];

/** Paths shown next to a control; the rest are listed in the error message. */
const PLACED = [
  'watchedContentUpdated',
  'mentions',
  'commentsOnMyContent',
  'repliesToMyComments',
  'quietHours',
  'dailyDigest',
  'dailyDigestTime',
];

/**
 * Stored preferences carry UTC until the person picks a zone; while quiet hours are off that zone
 * is unused, so the browser's zone is offered instead.
 */
const withLocalZone = (preferences: PersonalPreferences): PersonalPreferences =>
  !preferences.quietHours.enabled && preferences.quietHours.timeZone === 'UTC'
    ? { ...preferences, quietHours: { ...preferences.quietHours, timeZone: browserTimeZone() } }
    : preferences;

/** The person's own notifications: which events, quiet hours, and a daily digest. */
export const PreferencesForm = ({ initial }: { initial: PersonalPreferences }) => {
  const [preferences, setPreferences] = useState(() => withLocalZone(initial));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ResolverFailure | undefined>(undefined);
  const [saved, setSaved] = useState(false);
  const [saving, setSaving] = useState(false);
  const change = (part: Partial<PersonalPreferences>) => {
    setSaved(false);
    setErrors((current) => withoutErrorsAt(current, changedPaths(preferences, part, ['quietHours'])));
    setPreferences((current) => ({ ...current, ...part }));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    setSaving(true);
    setFailure(undefined);
    try {
      setPreferences(withLocalZone(await call('preferences/save', preferences)));
      setErrors({});
      setSaved(true);
    } catch (error) {
      const refused = asFailure(error);
      setFailure(refused);
      setErrors(refused.fieldErrors);
    } finally {
      setSaving(false);
    }
  };

  return (
    <form onSubmit={(event) => void save(event)} noValidate data-testid={TEST_IDS.preferencesForm}>
      <Stack space="space.300">
        <Group id="pref-events" legend="Send me a message in Teams when" prominent>
          {EVENTS.map(({ key, label }) => (
            <Checkbox
              key={key}
              label={label}
              isChecked={preferences[key]}
              testId={TEST_IDS.preference(key)}
              onChange={(event) => change({ [key]: event.currentTarget.checked })}
            />
          ))}
        </Group>
        <QuietHoursFields
          value={preferences.quietHours}
          onChange={(quietHours) => change({ quietHours })}
          errors={errors}
        />
        <SwitchField
          id="pref-daily-digest"
          label="Daily digest"
          isChecked={preferences.dailyDigest}
          onChange={(dailyDigest) => change({ dailyDigest })}
          testId={TEST_IDS.dailyDigest}
          helper="One message a day that sums up what you would otherwise get one by one."
          error={errorAt(errors, 'dailyDigest')}
        />
        {preferences.dailyDigest && (
          <TextInput
            id="pref-daily-digest-time"
            label="Send it at"
            type="time"
            value={preferences.dailyDigestTime}
            onChange={(dailyDigestTime) => change({ dailyDigestTime })}
            testId={TEST_IDS.dailyDigestTime}
            width={140}
            error={errorAt(errors, 'dailyDigestTime')}
          />
        )}
        {(preferences.quietHours.enabled || preferences.dailyDigest) && (
          <TimeZoneField
            value={preferences.quietHours.timeZone}
            onChange={(timeZone) => change({ quietHours: { ...preferences.quietHours, timeZone } })}
            error={errorAt(errors, 'quietHours.timeZone')}
          />
        )}
        <LiveRegion testId={TEST_IDS.preferencesMessage}>
          {saved && (
            <Notice appearance="success">
              <p>Your notification preferences are saved.</p>
            </Notice>
          )}
          {failure && (
            <FailureNotice failure={failure} title="Your preferences were not saved" placed={PLACED} />
          )}
        </LiveRegion>
        <div>
          <Button type="submit" appearance="primary" isLoading={saving} testId={TEST_IDS.savePreferences}>
            Save preferences
          </Button>
        </div>
      </Stack>
    </form>
  );
};
