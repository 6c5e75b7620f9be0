import type { ChatSummary } from '../../../../src/contracts/teams-directory';
import { useResolver } from '../api/use-resolver';
import type { ChatChoice } from '../rules/editor/rule-draft';
import { TEST_IDS } from '../testids';
import { errorAt } from '../ui/fields';
import { Picker, type PickerOption } from './picker';

/** Graph gives one-on-one chats no topic; name them by kind so they can still be told apart. */
const chatName = (chat: ChatSummary): string => {
  if (chat.topic) return chat.topic;
  if (chat.chatType === 'oneOnOne') return 'One-on-one chat';
  if (chat.chatType === 'meeting') return 'Meeting chat';
  return 'Group chat without a name';
};

/** Graph listed more chats than a settings page can wait for: the list is cut (issue 9, item 7). */
const TRUNCATED_NOTE = 'Not all your chats are listed: you have more than can be shown here.';

export const ChatPicker = ({
  value,
  onChange,
  errors,
  idPrefix,
}: {
  value: ChatChoice;
  onChange: (value: ChatChoice) => void;
  errors: Record<string, string>;
  idPrefix: string;
}) => {
  const chats = useResolver('teams/chats', {});
  const options: PickerOption[] = (chats.data?.items ?? []).map((chat) => ({
    label: chatName(chat),
    value: chat.id,
  }));
  return (
    <Picker
      id={`${idPrefix}${TEST_IDS.chatPicker}`}
      label="Chat"
      options={options}
      value={value.chatId ? { label: value.chatName || 'A Teams chat', value: value.chatId } : null}
      onChange={(chat) => onChange({ chatId: chat.value, chatName: chat.label })}
      isLoading={chats.loading}
      placeholder="Choose a chat"
      noOptionsText={chats.loading ? 'Loading chats…' : 'No chat with that name'}
      emptyText={
        chats.loading
          ? 'Loading chats…'
          : 'You have no chats in Microsoft Teams yet. Start one in Teams, then choose it here.'
      }
      helper={chats.data?.truncated ? TRUNCATED_NOTE : undefined}
      error={errorAt(errors, 'destination.chatId') ?? chats.error?.message}
    />
  );
};
