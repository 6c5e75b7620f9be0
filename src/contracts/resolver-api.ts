/**
 * The resolver API between the settings UI and the backend: keys, inputs and answers. Type-only,
 * so the UI bundle pulls in no server code.
 */
import type { ChannelSummary, ChatSummary, TeamSummary } from '../application/ports/microsoft';
import type { ConnectionView } from '../application/connections';
import type { TenantSettingsView } from '../application/tenant-settings';
import type { AppErrorCode } from '../domain/app-error';
import type { Rule, RuleInput, RuleScopeRef } from '../domain/rule';
import type { TenantMappingInput } from '../domain/tenant-mapping';

/** The domain's codes, plus `internal` for what the UI can only report. */
export type ResolverErrorCode = AppErrorCode | 'internal';

/** Every resolver answers this envelope; the UI never sees a stack or a secret. */
export type ResolverResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ResolverErrorCode; message: string; fieldErrors?: Record<string, string> } };

export type RuleScopeInput = RuleScopeRef;

export interface ResolverApi {
  'tenant/get': { input: Record<string, never>; output: TenantSettingsView };
  'tenant/save': { input: TenantMappingInput; output: TenantSettingsView };
  'tenant/start-consent': { input: Record<string, never>; output: { url: string } };
  'connection/get': { input: Record<string, never>; output: ConnectionView };
  'connection/start-login': { input: Record<string, never>; output: { url: string } };
  'connection/disconnect': { input: Record<string, never>; output: ConnectionView };
  'teams/list': { input: Record<string, never>; output: TeamSummary[] };
  'teams/channels': { input: { teamId: string }; output: ChannelSummary[] };
  'teams/chats': { input: Record<string, never>; output: ChatSummary[] };
  'rules/list': { input: RuleScopeInput; output: Rule[] };
  'rules/create': { input: RuleInput; output: Rule };
  'rules/delete': { input: { id: string }; output: { deleted: true } };
}

export type ResolverKey = keyof ResolverApi;
export type { ChannelSummary, ChatSummary, ConnectionView, Rule, TeamSummary, TenantSettingsView };
