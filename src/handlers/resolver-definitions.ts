import { z } from 'zod';
import { disconnect, getConnectionView } from '../application/connections';
import { startLogin } from '../application/microsoft-login';
import { createRule, deleteRule, listRules } from '../application/rules';
import { listMyChats, listMyTeams, listTeamChannels } from '../application/teams-directory';
import { getTenantSettings, saveTenantSettings, startAdminConsent } from '../application/tenant-settings';
import type { Caller } from '../application/authority';
import { interactiveDeps as deps } from '../composition-root';
import type { ResolverApi, ResolverKey } from '../contracts/resolver-api';
import { ruleInputSchema, ruleScopeSchema } from '../domain/rule';
import { tenantMappingInputSchema } from '../domain/tenant-mapping';

type Definition<K extends ResolverKey> = {
  input: z.ZodType<ResolverApi[K]['input']>;
  run: (caller: Caller, input: ResolverApi[K]['input']) => Promise<ResolverApi[K]['output']>;
};

const nothing = z.object({}).strict() as z.ZodType<Record<string, never>>;

/** Every resolver key: its input schema and the use case it runs for the caller. */
export const definitions: { [K in ResolverKey]: Definition<K> } = {
  'tenant/get': { input: nothing, run: (caller) => getTenantSettings(deps, caller) },
  'tenant/save': {
    input: tenantMappingInputSchema.strict(),
    run: (caller, input) => saveTenantSettings(deps, caller, input),
  },
  'tenant/start-consent': { input: nothing, run: (caller) => startAdminConsent(deps, caller) },
  'connection/get': { input: nothing, run: (caller) => getConnectionView(deps, caller) },
  'connection/start-login': { input: nothing, run: (caller) => startLogin(deps, caller) },
  'connection/disconnect': { input: nothing, run: (caller) => disconnect(deps, caller) },
  'teams/list': { input: nothing, run: (caller) => listMyTeams(deps, caller) },
  'teams/channels': {
    input: z.object({ teamId: z.string().min(1).max(200) }).strict(),
    run: (caller, input) => listTeamChannels(deps, caller, input.teamId),
  },
  'teams/chats': { input: nothing, run: (caller) => listMyChats(deps, caller) },
  'rules/list': { input: ruleScopeSchema.strict(), run: (caller, input) => listRules(deps, caller, input) },
  'rules/create': { input: ruleInputSchema, run: (caller, input) => createRule(deps, caller, input) },
  'rules/delete': {
    input: z.object({ id: z.string().uuid() }).strict(),
    run: async (caller, input) => {
      await deleteRule(deps, caller, input.id);
      return { deleted: true as const };
    },
  },
};
