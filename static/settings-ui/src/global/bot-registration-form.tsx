import Button from '@atlaskit/button/new';
import Lozenge from '@atlaskit/lozenge';
import { Box, Stack, xcss } from '@atlaskit/primitives';
import { RadioGroup } from '@atlaskit/radio';
import { useState, type FormEvent } from 'react';
import type {
  BotRegistrationInput,
  BotRegistrationKind,
  TeamsAppSettingsView,
} from '../../../../src/contracts/teams-app';
import { asFailure, call, ResolverFailure } from '../api/resolver-client';
import { TEST_IDS } from '../testids';
import { FailureNotice } from '../ui/failure-notice';
import { errorAt, Group, TextInput, withoutErrorsAt } from '../ui/fields';
import { LiveRegion } from '../ui/live-region';
import { Notice } from '../ui/notice';

const formStyles = xcss({ maxWidth: '520px' });

const FIELDS = ['kind', 'botId', 'botSecret', 'secretExpiresOn'];

const KIND_LABELS: Record<BotRegistrationKind, string> = {
  'tenant-app': 'The Microsoft connection’s app (an Azure Bot resource points at it)',
  separate: 'A separate bot, registered in Teams Developer Portal',
};

/** Today as the server counts it: a secret stops working at the start of its day, in UTC. */
const utcDay = (offsetDays = 0): string =>
  new Date(Date.now() + offsetDays * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);

export const PAST_BOT_SECRET_DATE =
  'This date has passed. Create a new client secret for the bot in Teams Developer Portal and enter its expiry date.';

/** What the form can tell without the server, in the words of its controls; the server checks again. */
const localErrors = (
  view: TeamsAppSettingsView,
  draft: { botId: string; botSecret: string; secretExpiresOn: string },
): Record<string, string> => {
  const sameBot = view.bot.kind === 'separate' && view.bot.botId === draft.botId.trim().toLowerCase();
  return {
    ...(!draft.botId.trim() ? { botId: 'Enter the bot id from Teams Developer Portal' } : {}),
    ...(!draft.botSecret.trim() && !(sameBot && view.bot.secretStored)
      ? { botSecret: 'Enter the bot’s client secret' }
      : {}),
    ...(!draft.secretExpiresOn
      ? { secretExpiresOn: 'Choose the date the bot’s client secret expires' }
      : draft.secretExpiresOn <= utcDay()
        ? { secretExpiresOn: PAST_BOT_SECRET_DATE }
        : {}),
  };
};

/** One sentence for the notice: the field's own message when only one field needs a change. */
const refusalOf = (refused: ResolverFailure, errors: Record<string, string>): ResolverFailure => {
  const messages = FIELDS.map((field) => errors[field]).filter((text): text is string => Boolean(text));
  if (refused.code !== 'invalid_input' || messages.length === 0) return refused;
  const message =
    messages.length === 1
      ? `${messages[0]?.replace(/\.$/, '')}.`
      : `${messages.length} fields need a change: each says what to fix.`;
  return new ResolverFailure(refused.code, message, errors);
};

/**
 * Which app is the bot (ARCHITECTURE.md D10): by default the Microsoft connection's app; or a bot
 * from Teams Developer Portal with its own id and secret. The secret is write-only.
 */
export const BotRegistrationForm = ({
  view,
  onSaved,
}: {
  view: TeamsAppSettingsView;
  onSaved: (view: TeamsAppSettingsView) => void;
}) => {
  const separateNow = view.bot.kind === 'separate';
  const [kind, setKind] = useState<BotRegistrationKind>(view.bot.kind);
  const [botId, setBotId] = useState(separateNow ? view.bot.botId : '');
  const [botSecret, setBotSecret] = useState('');
  const [secretExpiresOn, setSecretExpiresOn] = useState(separateNow ? view.bot.secretExpiresOn : '');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ResolverFailure | undefined>(undefined);
  /** What the last save did, or null; gone as soon as the form changes. */
  const [saved, setSaved] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const edit = (field: string, set: (value: string) => void) => (value: string) => {
    set(value);
    setSaved(null);
    setErrors((current) => withoutErrorsAt(current, [field]));
  };

  const save = async (event: FormEvent) => {
    event.preventDefault();
    const local = kind === 'separate' ? localErrors(view, { botId, botSecret, secretExpiresOn }) : {};
    const input: BotRegistrationInput =
      kind === 'tenant-app'
        ? { kind }
        : {
            kind,
            botId: botId.trim(),
            ...(botSecret.trim() ? { botSecret: botSecret.trim() } : {}),
            secretExpiresOn,
          };
    setSaving(true);
    setSaved(null);
    setFailure(undefined);
    try {
      const next = await call('teams-app/save-bot', input);
      setErrors({});
      setBotSecret('');
      setSaved(
        next.bot.botId === view.bot.botId
          ? 'Bot saved.'
          : 'Bot saved. Download the Teams app package again and upload it in Teams admin center: the package names the bot.',
      );
      onSaved(next);
    } catch (error) {
      const refused = asFailure(error);
      const merged = { ...refused.fieldErrors, ...local };
      setFailure(refusalOf(refused, merged));
      setErrors(merged);
    } finally {
      setSaving(false);
    }
  };

  const secretStoredHere =
    separateNow && view.bot.secretStored && view.bot.botId === botId.trim().toLowerCase();
  return (
    <form onSubmit={(event) => void save(event)} noValidate data-testid={TEST_IDS.botForm}>
      <Box xcss={formStyles}>
        <Stack space="space.200">
          <Group id="bot-kind" legend="Which app is the bot" error={errorAt(errors, 'kind')}>
            <RadioGroup
              name="bot-kind"
              value={kind}
              onChange={(event) => {
                setKind(event.currentTarget.value as BotRegistrationKind);
                setSaved(null);
                setErrors({});
                setFailure(undefined);
              }}
              options={(Object.keys(KIND_LABELS) as BotRegistrationKind[]).map((value) => ({
                name: 'bot-kind',
                value,
                label: KIND_LABELS[value],
                testId: TEST_IDS.botKind(value),
              }))}
            />
          </Group>
          {kind === 'separate' && (
            <>
              <TextInput
                id="bot-id"
                label="Bot id"
                value={botId}
                onChange={edit('botId', setBotId)}
                testId={TEST_IDS.botId}
                isMonospaced
                placeholder="00000000-0000-0000-0000-000000000000"
                helper="Teams Developer Portal → Tools → Bot management: the bot's id."
                error={errorAt(errors, 'botId')}
              />
              <TextInput
                id="bot-secret"
                label="Bot client secret"
                type="password"
                autoComplete="new-password"
                value={botSecret}
                onChange={edit('botSecret', setBotSecret)}
                testId={TEST_IDS.botSecret}
                after={
                  secretStoredHere ? (
                    <span style={{ paddingInlineEnd: 8 }} data-testid={TEST_IDS.botSecretStored}>
                      <Lozenge appearance="success">Stored</Lozenge>
                    </span>
                  ) : undefined
                }
                helper={
                  secretStoredHere
                    ? 'A secret is stored and is never shown again. Leave this empty to keep it, or enter a new one to replace it.'
                    : 'Stored encrypted and never shown again, not even to you.'
                }
                error={errorAt(errors, 'botSecret')}
              />
              <TextInput
                id="bot-secret-expires-on"
                label="Bot client secret expires on"
                type="date"
                value={secretExpiresOn}
                onChange={edit('secretExpiresOn', setSecretExpiresOn)}
                testId={TEST_IDS.botSecretExpiresOn}
                width={220}
                min={utcDay(1)}
                helper="As shown in Developer Portal next to the secret. You'll be warned 30 days before."
                error={errorAt(errors, 'secretExpiresOn')}
              />
            </>
          )}
          <LiveRegion testId={TEST_IDS.botMessage}>
            {saved && (
              <Notice appearance="success">
                <p>{saved}</p>
              </Notice>
            )}
            {failure && <FailureNotice failure={failure} title="The bot was not saved" placed={FIELDS} />}
          </LiveRegion>
          <div>
            <Button type="submit" appearance="primary" isLoading={saving} testId={TEST_IDS.botSave}>
              Save bot
            </Button>
          </div>
        </Stack>
      </Box>
    </form>
  );
};
