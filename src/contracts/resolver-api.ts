/**
 * The resolver API between the settings UI and the backend: keys, inputs and answers. Type-only,
 * so the UI bundle pulls in no server code.
 */
import type { ChannelSummary, ChatSummary, Listing, TeamSummary } from '../application/ports/microsoft';
import type { ConnectionView } from '../application/use-cases/sign-in/connections';
import type { FinishedSignIn } from '../application/use-cases/sign-in/finish-sign-in';
import type { TenantSettingsView } from '../application/use-cases/settings/tenant-settings';
import type { AppErrorCode } from '../domain/app-error';
import type { DeliveryStatus } from '../domain/delivery';
import type { PersonalPreferences } from '../domain/preferences';
import type {
  GraphDestination,
  Rule,
  RuleChangeField,
  RuleInput,
  RuleScopeRef,
  RuleUpdate,
} from '../domain/rule';
import type { TenantMappingInput } from '../domain/tenant-mapping';

/** The domain's codes, plus `internal` for what the UI can only report. */
export type ResolverErrorCode = AppErrorCode | 'internal';

/** Every resolver answers this envelope; the UI never sees a stack or a secret. */
export type ResolverResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ResolverErrorCode; message: string; fieldErrors?: Record<string, string> } };

export type RuleScopeInput = RuleScopeRef;
type None = Record<string, never>;

/** Who the caller is on the surface they opened, so the UI can lead the way. Checked again by every resolver. */
export interface SiteContextView {
  accountId: string;
  /** A site admin has mapped the Microsoft tenant (and stored a client secret). */
  tenantConfigured: boolean;
  /** The companion bot is set up, so "me personally" can deliver. */
  botConfigured: boolean;
  isSiteAdmin: boolean;
  space: { key: string; name: string; canManage: boolean } | null;
  content: {
    id: string;
    type: 'page' | 'blogpost';
    title: string;
    spaceKey: string;
    canEdit: boolean;
  } | null;
}

/** One edit of a rule, as its history shows it: who, when (epoch ms), which parts. */
export interface RuleChangeView {
  at: number;
  byName: string;
  fields: RuleChangeField[];
}

/** A rule as a settings page shows it. */
export interface RuleView extends Rule {
  ownerName: string;
  ownedByCaller: boolean;
  /** Events, filters, enabled: anyone with authority at the rule's scope. */
  canEditSettings: boolean;
  /** Where to notify: the owner only, because the rule posts as its owner. */
  canEditDestination: boolean;
  /** Where the rule lives, for "my rules" links: "Space ENG", "Page Release plan 2027". */
  location: { label: string; url: string };
  /** The owner's Microsoft sign-in expired (`needs-login`): the rule sends nothing until they log in again. */
  paused: boolean;
  /** The rule's last edits, oldest first: it posts as its owner, who sees here what others changed. */
  changes: RuleChangeView[];
}

/** One line of the delivery log. */
export interface DeliveryLogEntry {
  key: string;
  status: DeliveryStatus;
  contentId: string;
  title: string;
  destinationLabel: string;
  ownerAccountId: string;
  ownerName: string;
  attempts: number;
  reason: string | null;
  updatedAt: string;
  /** Failed, and the caller is a site admin or the rule owner. */
  canRetry: boolean;
}

export interface DeliveryHealthView {
  /** Counts over the last `windowDays` days. */
  windowDays: number;
  sent: number;
  failed: number;
  retried: number;
  skipped: number;
  latestFailures: DeliveryLogEntry[];
}

export interface ShareInput {
  contentId: string;
  destination: GraphDestination;
  note?: string;
}

export interface ResolverApi {
  'context/get': { input: { spaceKey?: string; contentId?: string }; output: SiteContextView };
  'tenant/get': { input: None; output: TenantSettingsView };
  'tenant/save': { input: TenantMappingInput; output: TenantSettingsView };
  'tenant/start-consent': { input: None; output: { url: string } };
  'connection/get': { input: None; output: ConnectionView };
  'connection/start-login': { input: None; output: { url: string } };
  /** Redeems a finished Microsoft redirect (login or admin consent) as the person who started it. */
  'connection/finish-sign-in': { input: { code: string }; output: FinishedSignIn };
  'connection/disconnect': { input: None; output: ConnectionView };
  'preferences/get': { input: None; output: PersonalPreferences };
  'preferences/save': { input: PersonalPreferences; output: PersonalPreferences };
  /** `truncated`: the list stopped early (a huge tenant); the picker says so. */
  'teams/list': { input: None; output: Listing<TeamSummary> };
  'teams/channels': { input: { teamId: string }; output: Listing<ChannelSummary> };
  'teams/chats': { input: None; output: Listing<ChatSummary> };
  'rules/list': { input: RuleScopeInput; output: RuleView[] };
  'rules/mine': { input: None; output: RuleView[] };
  'rules/create': { input: RuleInput; output: RuleView };
  'rules/update': { input: RuleUpdate; output: RuleView };
  'rules/delete': { input: { id: string }; output: { deleted: true } };
  'share/send': { input: ShareInput; output: { sent: true; webUrl: string | null } };
  'deliveries/health': { input: None; output: DeliveryHealthView };
  'deliveries/list': { input: { status?: DeliveryStatus }; output: DeliveryLogEntry[] };
  'deliveries/retry': { input: { key: string }; output: DeliveryLogEntry };
}

export type ResolverKey = keyof ResolverApi;
export type {
  ChannelSummary,
  ChatSummary,
  ConnectionView,
  Listing,
  FinishedSignIn,
  PersonalPreferences,
  Rule,
  RuleInput,
  RuleUpdate,
  TeamSummary,
  TenantSettingsView,
};
