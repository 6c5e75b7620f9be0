import { RadioGroup } from '@atlaskit/radio';
import { Stack, Text } from '@atlaskit/primitives';
import { ConnectPrompt } from '../connection/connect-prompt';
import type { ChannelChoice, ChatChoice, DestinationKind } from '../rules/editor/rule-draft';
import { useConnection } from '../site/connection-context';
import { TEST_IDS } from '../testids';
import { Group } from '../ui/fields';
import { ChannelPicker } from './channel-picker';
import { ChatPicker } from './chat-picker';

const KIND_LABELS: Record<DestinationKind, string> = {
  channel: 'A Teams channel',
  chat: 'A Teams chat',
  personal: 'Me personally',
};

interface DestinationGroupProps {
  kinds: DestinationKind[];
  kind: DestinationKind;
  onKindChange: (kind: DestinationKind) => void;
  channel: ChannelChoice;
  onChannelChange: (channel: ChannelChoice) => void;
  chat: ChatChoice;
  onChatChange: (chat: ChatChoice) => void;
  errors: Record<string, string>;
  botConfigured: boolean;
  /** Set when the caller may not change where this rule posts: why, shown instead of the pickers. */
  lockedReason?: string;
  legend?: string;
  /** Keeps ids and test ids unique when two destination choosers share a page (share and rule editor). */
  idPrefix?: string;
}

/** "Where to notify": a channel, a chat or the user's own chat with the app; pickers need a sign-in. */
export const DestinationGroup = (props: DestinationGroupProps) => {
  const { kinds, kind, errors, botConfigured, lockedReason, idPrefix = '' } = props;
  const { connection } = useConnection();
  const connected = connection?.status === 'ok';
  const personalHelp = botConfigured
    ? '“Me personally” sends to your own chat with the Confluence app in Teams.'
    : "“Me personally” isn't available yet: it needs the Microsoft Teams companion app, which a Confluence site admin hasn't set up.";
  return (
    <Group
      id={`${idPrefix}destination`}
      prominent
      legend={props.legend ?? 'Where to notify'}
      error={errors['destination'] ?? errors['destination.type']}
    >
      {lockedReason && <Text as="p">{lockedReason}</Text>}
      <RadioGroup
        name={`${idPrefix}destination-kind`}
        value={kind}
        isDisabled={Boolean(lockedReason)}
        onChange={(event) => props.onKindChange(event.currentTarget.value as DestinationKind)}
        options={kinds.map((value) => ({
          name: `${idPrefix}destination-kind`,
          value,
          label: KIND_LABELS[value],
          isDisabled: value === 'personal' && !botConfigured,
          testId: `${idPrefix}${TEST_IDS.destinationKind(value)}`,
        }))}
      />
      {kinds.includes('personal') && !lockedReason && (
        <Text size="small" color="color.text.subtle">
          {personalHelp}
        </Text>
      )}
      {!lockedReason && (
        <Stack space="space.150">
          {!connected && connection && <ConnectPrompt level="h4" />}
          {connected && kind === 'channel' && (
            <ChannelPicker
              value={props.channel}
              onChange={props.onChannelChange}
              errors={errors}
              idPrefix={idPrefix}
            />
          )}
          {connected && kind === 'chat' && (
            <ChatPicker
              value={props.chat}
              onChange={props.onChatChange}
              errors={errors}
              idPrefix={idPrefix}
            />
          )}
        </Stack>
      )}
    </Group>
  );
};
