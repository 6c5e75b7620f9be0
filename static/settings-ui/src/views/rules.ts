import type { ConnectionView, Rule, RuleScopeInput } from '../../../../src/contracts/resolver-api';
import { call, messageOf, ResolverFailure } from '../api';
import { field, h, notice, replace, section } from '../dom';

const EVENT_LABELS: Record<string, string> = {
  page_created: 'Page created',
  page_updated: 'Page updated',
  blogpost_created: 'Blog post created',
  blogpost_updated: 'Blog post updated',
};

const destinationText = (rule: Rule) =>
  rule.destination.type === 'channel'
    ? `${rule.destination.teamName} › ${rule.destination.channelName}`
    : `Chat: ${rule.destination.chatName}`;

/** The rules of one scope and a small editor (team → channel, events, filters). */
export const rulesPanel = (scope: RuleScopeInput, title: string) => {
  const root = section(title, h('p', { class: 'muted' }, 'Loading…'));
  let connection: ConnectionView | null = null;

  const render = (rules: Rule[], message?: HTMLElement) => {
    const list = rules.length
      ? h(
          'ul',
          { class: 'rules', 'data-testid': 'rule-list' },
          ...rules.map((rule) =>
            h(
              'li',
              { 'data-testid': 'rule' },
              h(
                'span',
                {},
                `${rule.events.map((e) => EVENT_LABELS[e] ?? e).join(', ')} → ${destinationText(rule)}`,
              ),
              h(
                'button',
                {
                  type: 'button',
                  class: 'button button-subtle',
                  'aria-label': `Delete rule to ${destinationText(rule)}`,
                  onclick: () => void remove(rule),
                },
                'Delete',
              ),
            ),
          ),
        )
      : h('p', { class: 'muted', 'data-testid': 'no-rules' }, 'No rules here yet.');
    replace(root, h('h2', {}, title), message ?? null, list, editor());
  };

  const editor = (): HTMLElement => {
    if (connection?.status !== 'ok') {
      return h('p', { class: 'muted' }, 'Log in to Microsoft Teams above to choose where to notify.');
    }
    const teamSelect = h(
      'select',
      { name: 'team', 'data-testid': 'team-select' },
      h('option', { value: '' }, 'Loading teams…'),
    ) as HTMLSelectElement;
    const channelSelect = h(
      'select',
      { name: 'channel', 'data-testid': 'channel-select', disabled: true },
      h('option', { value: '' }, 'Choose a team first'),
    ) as HTMLSelectElement;
    call('teams/list', {}).then(
      (teams) =>
        replace(
          teamSelect,
          h('option', { value: '' }, 'Choose a team'),
          ...teams.map((t) => h('option', { value: t.id }, t.displayName)),
        ),
      (error) => replace(teamSelect, h('option', { value: '' }, messageOf(error))),
    );
    teamSelect.addEventListener('change', () => {
      channelSelect.disabled = true;
      if (!teamSelect.value) return;
      call('teams/channels', { teamId: teamSelect.value }).then(
        (channels) => {
          replace(
            channelSelect,
            h('option', { value: '' }, 'Choose a channel'),
            ...channels.map((c) => h('option', { value: c.id }, c.displayName)),
          );
          channelSelect.disabled = false;
        },
        (error) => replace(channelSelect, h('option', { value: '' }, messageOf(error))),
      );
    });
    const checkbox = (name: string, label: string, checked: boolean) =>
      h(
        'label',
        { class: 'check' },
        h('input', { type: 'checkbox', name, checked, 'data-testid': `rule-${name}` }),
        ` ${label}`,
      );
    return h(
      'form',
      {
        class: 'rule-editor',
        'data-testid': 'rule-editor',
        onsubmit: (e: Event) => {
          e.preventDefault();
          void create(e.target as HTMLFormElement, teamSelect, channelSelect);
        },
      },
      h('h3', {}, 'Add a rule'),
      h(
        'fieldset',
        {},
        h('legend', {}, 'When'),
        ...Object.entries(EVENT_LABELS).map(([k, label]) => checkbox(k, label, k.startsWith('page'))),
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Where to notify'),
        field('Team', teamSelect),
        field('Channel', channelSelect),
      ),
      h(
        'fieldset',
        {},
        h('legend', {}, 'Filters'),
        checkbox('skipMinorEdits', 'Skip minor edits', true),
        checkbox('skipOwnChanges', 'Skip my own changes', true),
      ),
      h(
        'button',
        { type: 'submit', class: 'button button-primary', 'data-testid': 'rule-create' },
        'Add rule',
      ),
    );
  };

  const create = async (form: HTMLFormElement, team: HTMLSelectElement, channel: HTMLSelectElement) => {
    const data = new FormData(form);
    try {
      await call('rules/create', {
        ...scope,
        events: Object.keys(EVENT_LABELS).filter((k) => data.get(k) === 'on') as Rule['events'],
        destination: {
          type: 'channel',
          teamId: team.value,
          channelId: channel.value,
          teamName: team.selectedOptions[0]?.textContent ?? '',
          channelName: channel.selectedOptions[0]?.textContent ?? '',
        },
        filters: {
          skipMinorEdits: data.get('skipMinorEdits') === 'on',
          skipOwnChanges: data.get('skipOwnChanges') === 'on',
        },
        enabled: true,
      });
      await load(notice('success', 'Rule added.'));
    } catch (error) {
      const fields = error instanceof ResolverFailure ? Object.values(error.fieldErrors).join(' ') : '';
      await load(notice('error', `${messageOf(error)} ${fields}`.trim()));
    }
  };

  const remove = async (rule: Rule) => {
    if (!window.confirm(`Delete the rule that notifies ${destinationText(rule)}?`)) return;
    try {
      await call('rules/delete', { id: rule.id });
      await load(notice('info', 'Rule deleted.'));
    } catch (error) {
      await load(notice('error', messageOf(error)));
    }
  };

  const load = async (message?: HTMLElement) => {
    try {
      render(await call('rules/list', scope), message);
    } catch (error) {
      replace(root, h('h2', {}, title), notice('error', messageOf(error)));
    }
  };

  return {
    element: root,
    /** The editor depends on the viewer's own connection. */
    setConnection: (view: ConnectionView) => {
      connection = view;
      void load();
    },
  };
};
