import Button from '@atlaskit/button/new';
import { Stack, Text } from '@atlaskit/primitives';
import { lazy, Suspense, useRef, useState, type ReactNode } from 'react';
import type { RuleScopeInput, RuleView } from '../../../../src/contracts/rules';
import { asFailure, call } from '../api/resolver-client';
import { useResolver } from '../api/use-resolver';
import { ConnectPrompt } from '../connection/connect-prompt';
import { ConnectionSummary } from '../connection/connection-summary';
import { TenantMissingNotice } from '../connection/tenant-missing-notice';
import { useConnection } from '../site/connection-context';
import { useSite } from '../site/site-context';
import { TEST_IDS } from '../testids';
import { confirmInModal } from '../ui/confirm-request';
import { LiveRegion } from '../ui/live-region';
import { Loading } from '../ui/loading';
import { ErrorNotice, Notice } from '../ui/notice';
import { Section } from '../ui/section';
import { PausedRulesSummary } from './paused-rules-summary';
import { RuleRow } from './rule-row';
import { destinationText } from './rule-text';

// The editor (pickers, tag inputs) is most of the rules code and only needed after a click.
const RuleEditor = lazy(() =>
  import('./editor/rule-editor').then((module) => ({ default: module.RuleEditor })),
);

interface RulesSectionProps {
  scope: RuleScopeInput;
  title: string;
  description?: ReactNode;
  /** The caller has authority here (the server checks again on every change). */
  canManage: boolean;
  /** Said instead of the editor when the caller has no authority here. */
  noAuthorityText: string;
  /** Replaces the "connect the tenant" notice, e.g. on the page where that is done. */
  tenantNotice?: ReactNode;
  /** False where the surface already shows the login prompt once for everything on it. */
  showConnectPrompt?: boolean;
  /** Shown above this scope's own rules: the wider rules that already cover it. */
  covering?: ReactNode;
}

type Editing = { rule?: RuleView; version: number };

/** The rules of one scope: list, add, edit, delete, and the way in for a first-time user. */
export const RulesSection = ({
  scope,
  title,
  description,
  canManage,
  noAuthorityText,
  tenantNotice,
  showConnectPrompt = true,
  covering,
}: RulesSectionProps) => {
  const site = useSite();
  const { connection } = useConnection();
  const rules = useResolver('rules/list', scope);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [message, setMessage] = useState<{ text: string; ok: boolean } | null>(null);
  const addButton = useRef<HTMLButtonElement>(null);
  const mayAdd = canManage && site.tenantConfigured;

  const open = (rule?: RuleView) => {
    setMessage(null);
    setEditing({ rule, version: (editing?.version ?? 0) + 1 });
  };
  const close = (text?: string, ok = true) => {
    setEditing(null);
    if (text) setMessage({ text, ok });
    window.setTimeout(() => addButton.current?.focus(), 0);
  };
  // After a conflict: the rule as it is now, in a fresh editor.
  const reopen = async (id: string) => {
    try {
      const fresh = await call('rules/list', scope);
      rules.setData(fresh);
      const rule = fresh.find((candidate) => candidate.id === id);
      if (rule) setEditing({ rule, version: (editing?.version ?? 0) + 1 });
      else close('Someone deleted this rule meanwhile.', false);
    } catch (error) {
      close(asFailure(error).message, false);
    }
  };
  const saved = (rule: RuleView, created: boolean) => {
    const current = rules.data ?? [];
    rules.setData(created ? [...current, rule] : current.map((r) => (r.id === rule.id ? rule : r)));
    close(created ? 'Rule added.' : 'Rule saved.');
  };
  const remove = async (rule: RuleView) => {
    try {
      const answer = await confirmInModal({
        title: 'Delete this rule?',
        text: `Updates will stop going to ${destinationText(rule.destination, rule.ownedByCaller, rule.ownerName)}. This can't be undone.`,
        confirmLabel: 'Delete rule',
        testId: TEST_IDS.deleteRuleModal,
        action: { key: 'rules/delete', input: { id: rule.id } },
      });
      if (!answer) return;
      rules.setData((rules.data ?? []).filter((candidate) => candidate.id !== rule.id));
      close('Rule deleted.');
    } catch (error) {
      setMessage({ text: asFailure(error).message, ok: false });
    }
  };
  const confirmRemove = (rule: RuleView) => void remove(rule);

  const addRule = (
    <Button ref={addButton} appearance="primary" onClick={() => open()} testId={TEST_IDS.addRule}>
      Add rule
    </Button>
  );

  const list = () => {
    if (rules.error?.code === 'forbidden')
      return (
        <Notice appearance="information" testId={TEST_IDS.noAuthority}>
          {rules.error.message}
        </Notice>
      );
    if (rules.error) return <ErrorNotice error={rules.error} onRetry={() => void rules.reload()} />;
    if (!rules.data) return <Loading label="Loading rules" />;
    if (rules.data.length === 0) {
      if (mayAdd && showConnectPrompt && connection && connection.status !== 'ok') return <ConnectPrompt />;
      return (
        <Stack space="space.150" alignInline="start" testId={TEST_IDS.noRules}>
          <Text as="p">
            {mayAdd
              ? 'No rules here yet. Add one to send Confluence updates to a Teams channel, a chat or to you personally.'
              : 'No rules here yet.'}
          </Text>
          {mayAdd && addRule}
        </Stack>
      );
    }
    const expired = mayAdd && showConnectPrompt && connection?.status === 'needs-login';
    return (
      <Stack space="space.200">
        {expired && <ConnectPrompt />}
        <PausedRulesSummary rules={rules.data} />
        <ul className="plain-list" data-testid={TEST_IDS.ruleList} aria-label={title}>
          {rules.data.map((rule) => (
            <RuleRow key={rule.id} rule={rule} onEdit={open} onDelete={confirmRemove} />
          ))}
        </ul>
      </Stack>
    );
  };

  return (
    <Section
      title={title}
      description={description}
      testId={TEST_IDS.rulesSection}
      actions={mayAdd && !editing && rules.data?.length ? addRule : undefined}
    >
      {!site.tenantConfigured &&
        (tenantNotice !== undefined ? tenantNotice : <TenantMissingNotice isSiteAdmin={site.isSiteAdmin} />)}
      {!canManage && rules.error?.code !== 'forbidden' && (
        <Notice appearance="information" testId={TEST_IDS.noAuthority}>
          <p>{noAuthorityText}</p>
        </Notice>
      )}
      {mayAdd && <ConnectionSummary />}
      <LiveRegion testId={TEST_IDS.rulesMessage}>
        {message && <Notice appearance={message.ok ? 'success' : 'warning'}>{message.text}</Notice>}
      </LiveRegion>
      {covering}
      {editing ? (
        <Suspense fallback={<Loading label="Opening the rule editor" />}>
          <RuleEditor
            key={editing.version}
            scope={scope}
            rule={editing.rule}
            onSaved={saved}
            onCancel={() => close()}
            onDelete={confirmRemove}
            onReload={reopen}
          />
        </Suspense>
      ) : (
        list()
      )}
    </Section>
  );
};
