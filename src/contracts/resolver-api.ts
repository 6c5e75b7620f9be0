/**
 * The resolver API between the settings UI and the backend: keys, inputs and answers. Everything
 * under src/contracts is what the UI sees; it imports nothing from the other layers (lint enforces
 * it), so the UI bundle pulls in no server code.
 */
import type { ConnectionView, FinishedSignIn } from './connection';
import type { ConnectionOverview, CredentialExpiryView } from './credentials';
import type { DeliveryHealthView, DeliveryLogEntry, DeliveryStatus } from './deliveries';
import type { PersonOption } from './people';
import type { PersonalPreferences } from './preferences';
import type { CoveringRuleView, RuleInput, RuleScopeInput, RuleUpdate, RuleView } from './rules';
import type { ShareInput } from './sharing';
import type { SiteContextView } from './site-context';
import type {
  BotRegistrationInput,
  TeamsAppPackageDownload,
  TeamsAppSettingsView,
  TestMessageQueued,
  LinkPreviewsInput,
} from './teams-app';
import type { ChannelSummary, ChatSummary, Listing, TeamSummary } from './teams-directory';
import type { TenantMappingInput, TenantSettingsView } from './tenant';
import type { ImportConfirmed, ImportPreviewView, UserMappingPage } from './user-mapping';

/** The backend's error codes (src/domain/app-error.ts takes them from here), plus `internal` for what the UI can only report. */
export type ResolverErrorCode =
  | 'invalid_input'
  /** A request without valid credentials (the bot endpoint's 401); resolvers never answer it. */
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'tenant_not_configured'
  | 'not_connected'
  | 'needs_login'
  | 'microsoft_error'
  | 'confluence_error'
  | 'internal';

/** Every resolver answers this envelope; the UI never sees a stack or a secret. */
export type ResolverResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: { code: ResolverErrorCode; message: string; fieldErrors?: Record<string, string> } };

type None = Record<string, never>;

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
  /** A page's editors: the enabled global, space and ancestor page rules that already send its updates. */
  'rules/covering': { input: { contentId: string }; output: CoveringRuleView[] };
  'rules/create': { input: RuleInput; output: RuleView };
  'rules/update': { input: RuleUpdate; output: RuleView };
  'rules/delete': { input: { id: string }; output: { deleted: true } };
  /** People by name (at most 10), searched as the caller: the rule editor's author filters. */
  'people/search': { input: { query: string }; output: PersonOption[] };
  /** Names for account ids a rule stores (at most 20). */
  'people/names': { input: { accountIds: string[] }; output: PersonOption[] };
  'share/send': { input: ShareInput; output: { sent: true; webUrl: string | null } };
  /** `follow`: rows the page retried, answered among the latest failures as they are now. */
  'deliveries/health': { input: { follow?: string[] }; output: DeliveryHealthView };
  'deliveries/list': { input: { status?: DeliveryStatus }; output: DeliveryLogEntry[] };
  'deliveries/retry': { input: { key: string }; output: DeliveryLogEntry };
  /** Site admins: this site's Teams app package (zip in base64), to upload in Teams admin center. */
  'teams-app/package': { input: None; output: TeamsAppPackageDownload };
  /** Site admins: the bot's messaging endpoint, which app is the bot, and the endpoint's health. */
  'teams-app/get': { input: None; output: TeamsAppSettingsView };
  /** Every page: the Microsoft secrets expiring within 30 days (site admins; empty for anyone else). */
  'credentials/expiry': { input: None; output: CredentialExpiryView };
  /** Site admins: people connected, needing a new login, and with the Teams app. */
  'connections/overview': { input: None; output: ConnectionOverview };
  /** Site admins: the mapping's app as the bot, or a separate bot (id, write-only secret, expiry). */
  'teams-app/save-bot': { input: BotRegistrationInput; output: TeamsAppSettingsView };
  /** Site admins: a test card to the caller's own 1:1 chat with the bot (queued). */
  'teams-app/test-message': { input: None; output: TestMessageQueued };
  /** Site admins only: link previews in Teams on or off for the site. */
  'teams-app/link-previews': { input: LinkPreviewsInput; output: TeamsAppSettingsView };
  /** Site admins: looks up the people of an Atlassian user export in Microsoft; saves nothing. */
  'user-mapping/preview': { input: { csv: string }; output: ImportPreviewView };
  /** Site admins: saves a preview's matches (once). */
  'user-mapping/confirm': { input: { previewId: string }; output: ImportConfirmed };
  'user-mapping/list': { input: { cursor?: string }; output: UserMappingPage };
  'user-mapping/remove': { input: { accountId: string }; output: { removed: true } };
}

export type ResolverKey = keyof ResolverApi;
