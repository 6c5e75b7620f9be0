import { Stack } from '@atlaskit/primitives';
import { useResolver } from '../api/use-resolver';
import type { ChannelChoice } from '../rules/editor/rule-draft';
import { TEST_IDS } from '../testids';
import { errorAt } from '../ui/fields';
import { Picker, type PickerOption } from './picker';

const MEMBERSHIP_TAGS: Record<string, string> = { private: 'Private', shared: 'Shared' };

interface ChannelPickerProps {
  value: ChannelChoice;
  onChange: (value: ChannelChoice) => void;
  errors: Record<string, string>;
  idPrefix: string;
}

/** A team the user belongs to, then one of its channels (Graph lists them as the user). */
export const ChannelPicker = ({ value, onChange, errors, idPrefix }: ChannelPickerProps) => {
  const teams = useResolver('teams/list', {});
  const channels = useResolver('teams/channels', { teamId: value.teamId }, Boolean(value.teamId));
  const teamOptions: PickerOption[] = (teams.data?.items ?? []).map((team) => ({
    label: team.displayName,
    value: team.id,
  }));
  const channelOptions: PickerOption[] = (channels.data?.items ?? []).map((channel) => ({
    label: channel.displayName,
    value: channel.id,
    tag: MEMBERSHIP_TAGS[channel.membershipType],
  }));
  const selectedChannel = channelOptions.find((option) => option.value === value.channelId);
  return (
    <Stack space="space.150">
      <Picker
        id={`${idPrefix}${TEST_IDS.teamPicker}`}
        label="Team"
        options={teamOptions}
        value={value.teamId ? { label: value.teamName || value.teamId, value: value.teamId } : null}
        onChange={(team) =>
          onChange({ teamId: team.value, teamName: team.label, channelId: '', channelName: '' })
        }
        isLoading={teams.loading}
        placeholder="Choose a team"
        noOptionsText={teams.loading ? 'Loading teams…' : 'You are not a member of any team with that name'}
        emptyText={
          teams.loading ? 'Loading teams…' : 'You are not a member of any team in Microsoft Teams yet.'
        }
        helper={
          teams.data?.truncated
            ? 'Not all your teams are listed: you belong to more than can be shown here.'
            : undefined
        }
        error={errorAt(errors, 'destination.teamId') ?? teams.error?.message}
      />
      <Picker
        id={`${idPrefix}${TEST_IDS.channelPicker}`}
        label="Channel"
        options={channelOptions}
        value={
          value.channelId
            ? (selectedChannel ?? { label: value.channelName || value.channelId, value: value.channelId })
            : null
        }
        onChange={(channel) => onChange({ ...value, channelId: channel.value, channelName: channel.label })}
        isLoading={channels.loading}
        isDisabled={!value.teamId}
        placeholder={value.teamId ? 'Choose a channel' : 'Choose a team first'}
        noOptionsText={channels.loading ? 'Loading channels…' : 'No channel with that name'}
        emptyText={channels.loading ? 'Loading channels…' : 'This team has no channels you can see.'}
        helper={
          channels.data?.truncated
            ? 'Not all channels are listed: this team has more than can be shown here. Private channels are listed only if you are a member.'
            : 'Private channels are listed only if you are a member.'
        }
        error={errorAt(errors, 'destination.channelId') ?? channels.error?.message}
      />
    </Stack>
  );
};
