import type { z } from 'zod';
import { disconnect, getConnectionView } from '../application/use-cases/sign-in/connections';
import { getDeliveryHealth } from '../application/use-cases/delivery-log/delivery-health';
import { listDeliveries } from '../application/use-cases/delivery-log/delivery-log';
import { finishSignIn } from '../application/use-cases/sign-in/finish-sign-in';
import { startAdminConsent, startLogin } from '../application/use-cases/sign-in/start-sign-in';
import { getPreferences, savePreferences } from '../application/use-cases/settings/preferences';
import { retryDelivery } from '../application/use-cases/delivery-log/retry-delivery';
import { createRule, deleteRule, listMyRules, listRules } from '../application/use-cases/rules/rules';
import { shareContent } from '../application/use-cases/notifications/share-content';
import { getSiteContext } from '../application/use-cases/settings/site-context';
import { namePeople, searchPeople } from '../application/use-cases/settings/people-search';
import {
  listMyChats,
  listMyTeams,
  listTeamChannels,
} from '../application/use-cases/settings/teams-directory';
import { getTenantSettings, saveTenantSettings } from '../application/use-cases/settings/tenant-settings';
import { updateRule } from '../application/use-cases/rules/update-rule';
import { listCoveringRules } from '../application/use-cases/rules/covering-rules';
import { downloadTeamsAppPackage } from '../application/use-cases/bot/teams-app-package';
import {
  getTeamsAppSettings,
  saveBotRegistration,
  sendTestMessage,
  setLinkPreviews,
} from '../application/use-cases/bot/teams-app-settings';
import { previewUserImport } from '../application/use-cases/user-mapping/preview-import';
import {
  confirmUserImport,
  listUserMappings,
  removeUserMapping,
} from '../application/use-cases/user-mapping/imported-mappings';
import { getConnectionOverview, getCredentialExpiry } from '../application/use-cases/settings/credentials';
import type { Caller } from '../application/services/authority';
import { interactiveDeps as deps } from '../composition-root';
import type { ResolverApi, ResolverKey } from '../contracts/resolver-api';
import { personalPreferencesSchema } from '../domain/preferences';
import { ruleInputSchema, ruleUpdateSchema, type ValidRuleInput } from '../domain/rule';
import { tenantMappingInputSchema } from '../domain/tenant-mapping';
import * as inputs from './resolver-inputs';
import * as mappingInputs from './user-mapping-inputs';

/** An input schema accepts what the UI sends (`In`) and gives the use case its parsed form (`Parsed`). */
type Definition<K extends ResolverKey, Parsed = ResolverApi[K]['input']> = {
  input: z.ZodType<Parsed, ResolverApi[K]['input']>;
  run: (caller: Caller, input: Parsed) => Promise<ResolverApi[K]['output']>;
};

/** Ties a schema to its use case so the parsed type flows from one to the other. */
const define = <K extends ResolverKey, Parsed>(
  _key: K,
  definition: Definition<K, Parsed>,
): Definition<K, Parsed> => definition;

const { nothing } = inputs;

/**
 * Every resolver key: its input schema and the use case it runs for the caller. Each use case
 * checks the caller's authority itself (ARCHITECTURE.md §6, invariant 1).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each entry is checked by `define`
export const definitions: { [K in ResolverKey]: Definition<K, any> } = {
  'context/get': define('context/get', {
    input: inputs.contextInput,
    run: (caller, input) => getSiteContext(deps, caller, input),
  }),
  'tenant/get': { input: nothing, run: (caller) => getTenantSettings(deps, caller) },
  'tenant/save': define('tenant/save', {
    input: tenantMappingInputSchema.strict(),
    run: (caller, input) => saveTenantSettings(deps, caller, input),
  }),
  'tenant/start-consent': { input: nothing, run: (caller) => startAdminConsent(deps, caller) },
  'connection/get': { input: nothing, run: (caller) => getConnectionView(deps, caller) },
  'connection/start-login': { input: nothing, run: (caller) => startLogin(deps, caller) },
  'connection/finish-sign-in': define('connection/finish-sign-in', {
    input: inputs.signInCompletionInput,
    run: (caller, input) => finishSignIn(deps, caller, input.code),
  }),
  'connection/disconnect': { input: nothing, run: (caller) => disconnect(deps, caller) },
  'preferences/get': { input: nothing, run: (caller) => getPreferences(deps, caller) },
  'preferences/save': define('preferences/save', {
    input: personalPreferencesSchema,
    run: (caller, input) => savePreferences(deps, caller, input),
  }),
  'teams/list': { input: nothing, run: (caller) => listMyTeams(deps, caller) },
  'teams/channels': define('teams/channels', {
    input: inputs.teamInput,
    run: (caller, input) => listTeamChannels(deps, caller, input.teamId),
  }),
  'teams/chats': { input: nothing, run: (caller) => listMyChats(deps, caller) },
  'rules/list': define('rules/list', {
    input: inputs.scopeInput,
    run: (caller, input) => listRules(deps, caller, input),
  }),
  'rules/mine': { input: nothing, run: (caller) => listMyRules(deps, caller) },
  'rules/covering': define('rules/covering', {
    input: inputs.coveringInput,
    run: (caller, input) => listCoveringRules(deps, caller, input.contentId),
  }),
  'rules/create': define<'rules/create', ValidRuleInput>('rules/create', {
    input: ruleInputSchema,
    run: (caller, input) => createRule(deps, caller, input),
  }),
  'rules/update': define('rules/update', {
    input: ruleUpdateSchema,
    run: (caller, input) => updateRule(deps, caller, input),
  }),
  'rules/delete': define('rules/delete', {
    input: inputs.ruleIdInput,
    run: async (caller, input) => {
      await deleteRule(deps, caller, input.id);
      return { deleted: true as const };
    },
  }),
  'people/search': define('people/search', {
    input: inputs.peopleQueryInput,
    run: (caller, input) => searchPeople(deps, caller, input.query),
  }),
  'people/names': define('people/names', {
    input: inputs.accountIdsInput,
    run: (caller, input) => namePeople(deps, caller, input.accountIds),
  }),
  'share/send': define('share/send', {
    input: inputs.shareInput,
    run: (caller, input) => shareContent(deps, caller, input),
  }),
  'deliveries/health': define('deliveries/health', {
    input: inputs.deliveryHealthInput,
    run: (caller, input) => getDeliveryHealth(deps, caller, input),
  }),
  'deliveries/list': define('deliveries/list', {
    input: inputs.deliveryListInput,
    run: (caller, input) => listDeliveries(deps, caller, input),
  }),
  'deliveries/retry': define('deliveries/retry', {
    input: inputs.deliveryKeyInput,
    run: (caller, input) => retryDelivery(deps, caller, input.key),
  }),
  'teams-app/package': { input: nothing, run: (caller) => downloadTeamsAppPackage(deps, caller) },
  'teams-app/get': { input: nothing, run: (caller) => getTeamsAppSettings(deps, caller) },
  'teams-app/save-bot': define('teams-app/save-bot', {
    input: inputs.botRegistrationInput,
    run: (caller, input) => saveBotRegistration(deps, caller, input),
  }),
  'teams-app/test-message': { input: nothing, run: (caller) => sendTestMessage(deps, caller) },
  'teams-app/link-previews': define('teams-app/link-previews', {
    input: inputs.linkPreviewsInput,
    run: (caller, input) => setLinkPreviews(deps, caller, input.enabled),
  }),
  'user-mapping/preview': define('user-mapping/preview', {
    input: mappingInputs.userImportInput,
    run: (caller, input) => previewUserImport(deps, caller, input.csv),
  }),
  'user-mapping/confirm': define('user-mapping/confirm', {
    input: mappingInputs.importPreviewIdInput,
    run: (caller, input) => confirmUserImport(deps, caller, input.previewId),
  }),
  'user-mapping/list': define('user-mapping/list', {
    input: mappingInputs.userMappingPageInput,
    run: (caller, input) => listUserMappings(deps, caller, input.cursor),
  }),
  'user-mapping/remove': define('user-mapping/remove', {
    input: mappingInputs.userMappingAccountInput,
    run: (caller, input) => removeUserMapping(deps, caller, input.accountId),
  }),
  'credentials/expiry': { input: nothing, run: (caller) => getCredentialExpiry(deps, caller) },
  'connections/overview': { input: nothing, run: (caller) => getConnectionOverview(deps, caller) },
};
