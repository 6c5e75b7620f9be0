import Button from '@atlaskit/button/new';
import { Label } from '@atlaskit/form';
import { Stack } from '@atlaskit/primitives';
import { SectionMessageAction } from '@atlaskit/section-message';
import TextArea from '@atlaskit/textarea';
import { useState, type FormEvent } from 'react';
import type { ShareInput } from '../../../../src/contracts/sharing';
import { asFailure, call, ResolverFailure } from '../api/resolver-client';
import { DestinationGroup } from '../destination/destination-group';
import { openInNewTab } from '../forge/navigation';
import {
  destinationOf,
  destinationErrors,
  destinationPaths,
  NO_CHANNEL,
  NO_CHAT,
  type DestinationKind,
} from '../rules/editor/rule-draft';
import { destinationText } from '../rules/rule-text';
import { TEST_IDS } from '../testids';
import { describedBy, errorAt, FieldMessages, withoutErrorsAt } from '../ui/fields';
import { LiveRegion } from '../ui/live-region';
import { Notice } from '../ui/notice';

const NOTE_LIMIT = 500;
/** The share form's pickers are `share-team-picker`, `share-channel-picker`, `share-chat-picker`. */
const SHARE_PREFIX = 'share-';

/** "Share to Teams": a card for this page, now, to a channel or chat the user picks, with a note. */
export const SharePanel = ({ contentId, title }: { contentId: string; title: string }) => {
  const [kind, setKind] = useState<DestinationKind>('channel');
  const [channel, setChannel] = useState(NO_CHANNEL);
  const [chat, setChat] = useState(NO_CHAT);
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<ResolverFailure | undefined>(undefined);
  const [sent, setSent] = useState<{ where: string; webUrl: string | null } | null>(null);
  const [sending, setSending] = useState(false);

  const fixed = (paths: string[]) => setErrors((current) => withoutErrorsAt(current, paths));
  const changeDestination = (part: {
    kind?: DestinationKind;
    channel?: typeof channel;
    chat?: typeof chat;
  }) => {
    fixed(destinationPaths({ kind, channel, chat }, part));
    if (part.kind) setKind(part.kind);
    if (part.channel) setChannel(part.channel);
    if (part.chat) setChat(part.chat);
  };

  const send = async (event: FormEvent) => {
    event.preventDefault();
    setSent(null);
    const local = destinationErrors({ kind, channel, chat });
    setErrors(local);
    if (Object.keys(local).length > 0) {
      setFailure(new ResolverFailure('invalid_input', 'Choose where to send the page first.'));
      return;
    }
    setFailure(undefined);
    setSending(true);
    const destination = destinationOf({ kind, channel, chat }) as ShareInput['destination'];
    try {
      const answer = await call('share/send', {
        contentId,
        destination,
        ...(note.trim() ? { note: note.trim() } : {}),
      });
      setSent({ where: destinationText(destination), webUrl: answer.webUrl });
      setNote('');
    } catch (error) {
      const refused = asFailure(error);
      setFailure(refused);
      setErrors(refused.fieldErrors);
    } finally {
      setSending(false);
    }
  };

  const noteError = errorAt(errors, 'note');
  return (
    <form onSubmit={(event) => void send(event)} noValidate data-testid={TEST_IDS.shareSection}>
      <Stack space="space.200">
        <DestinationGroup
          legend="Send to"
          idPrefix={SHARE_PREFIX}
          kinds={['channel', 'chat']}
          kind={kind}
          onKindChange={(next) => changeDestination({ kind: next })}
          channel={channel}
          onChannelChange={(next) => changeDestination({ channel: next })}
          chat={chat}
          onChatChange={(next) => changeDestination({ chat: next })}
          errors={errors}
          botConfigured={false}
        />
        <Stack space="space.050">
          <Label htmlFor="share-note">Note (optional)</Label>
          <TextArea
            id="share-note"
            value={note}
            onChange={(event) => {
              fixed(['note']);
              setNote(event.currentTarget.value);
            }}
            maxLength={NOTE_LIMIT}
            minimumRows={2}
            isInvalid={Boolean(noteError)}
            aria-describedby={describedBy('share-note', true, noteError)}
            testId={TEST_IDS.shareNote}
          />
          <FieldMessages
            id="share-note"
            helper={`Shown with the card. ${NOTE_LIMIT - note.length} characters left.`}
            error={noteError}
          />
        </Stack>
        <LiveRegion testId={TEST_IDS.shareResult}>
          {sent && (
            <Notice
              appearance="success"
              title="Sent to Microsoft Teams"
              actions={
                sent.webUrl ? (
                  <SectionMessageAction
                    onClick={() => void openInNewTab(sent.webUrl ?? '')}
                    testId={TEST_IDS.shareOpenInTeams}
                  >
                    Open the message in Teams
                  </SectionMessageAction>
                ) : undefined
              }
            >
              <p>
                A card for “{title}” is in {sent.where}.
              </p>
            </Notice>
          )}
          {failure && (
            <Notice appearance="error" title="The page was not sent">
              <p>{failure.message}</p>
            </Notice>
          )}
        </LiveRegion>
        <div>
          <Button type="submit" appearance="primary" isLoading={sending} testId={TEST_IDS.shareSend}>
            Send to Teams
          </Button>
        </div>
      </Stack>
    </form>
  );
};
