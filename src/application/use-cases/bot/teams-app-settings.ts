import type {
  BotRegistrationInput,
  TeamsAppSettingsView,
  TestMessageQueued,
} from '../../../contracts/teams-app';
import { AppError, invalidInputMessage } from '../../../domain/app-error';
import { microsoftUserKey } from '../../../domain/conversation';
import { secretExpiryOf } from '../../../domain/secret-expiry';
import { requireSiteAdmin, type Caller } from '../../services/authority';
import type { BotRegistrationStore, BotStore } from '../../ports/bot';
import type { BotWorkQueue, ConversationStore } from '../../ports/bot-messenger';
import type { ConfluencePermissions } from '../../ports/confluence';
import type { AppUrls, Clock } from '../../ports/platform';
import type { ConnectionStore, TenantStore } from '../../ports/stores';
import { BOT_REFUSAL_WORDS } from './bot-refusal-words';

export interface TeamsAppSettingsDeps {
  permissions: Pick<ConfluencePermissions, 'isSiteAdmin'>;
  tenants: Pick<TenantStore, 'get' | 'getClientSecret' | 'put'>;
  botRegistrations: BotRegistrationStore;
  botStore: Pick<BotStore, 'getHealth'>;
  urls: Pick<AppUrls, 'botMessagingEndpoint'>;
  clock: Clock;
  connections: Pick<ConnectionStore, 'get'>;
  conversations: Pick<ConversationStore, 'get'>;
  botWork: BotWorkQueue;
}

const NO_MAPPING =
  'Save the Microsoft connection first: the companion bot is single-tenant and signs in in its tenant.';

/** `teams-app/get`: the endpoint to register, which app is the bot, and the endpoint's health. */
export const getTeamsAppSettings = async (
  deps: TeamsAppSettingsDeps,
  caller: Caller,
): Promise<TeamsAppSettingsView> => {
  await requireSiteAdmin(deps.permissions, caller);
  const [messagingEndpoint, mapping, clientSecret, registration, botSecret, health] = await Promise.all([
    deps.urls.botMessagingEndpoint(),
    deps.tenants.get(),
    deps.tenants.getClientSecret(),
    deps.botRegistrations.get(),
    deps.botRegistrations.getSecret(),
    deps.botStore.getHealth(),
  ]);
  const secretExpiresOn = registration?.secretExpiresOn ?? mapping?.secretExpiresOn ?? '';
  const reason = health?.lastAuthFailureReason ?? null;
  return {
    messagingEndpoint,
    tenantConfigured: mapping !== null,
    bot: {
      kind: registration ? 'separate' : 'tenant-app',
      botId: registration?.botId ?? mapping?.clientId ?? '',
      secretStored: (registration ? botSecret : clientSecret) !== null,
      secretExpiresOn,
      secretExpiry: secretExpiryOf(secretExpiresOn, deps.clock.now()),
    },
    health: {
      lastRequestAt: health?.lastRequestAt ?? null,
      lastAuthFailureAt: health?.lastAuthFailureAt ?? null,
      lastAuthFailure: reason ? BOT_REFUSAL_WORDS[reason] : null,
    },
    linkPreviews: mapping?.linkPreviews !== false,
  };
};

/**
 * `teams-app/link-previews`: a site admin turns the bot's previews of pasted links on or off for
 * the whole site. Kept with the tenant mapping, which the bot endpoint reads anyway.
 */
export const setLinkPreviews = async (
  deps: TeamsAppSettingsDeps,
  caller: Caller,
  enabled: boolean,
): Promise<TeamsAppSettingsView> => {
  await requireSiteAdmin(deps.permissions, caller);
  const mapping = await deps.tenants.get();
  if (!mapping) throw new AppError('tenant_not_configured', NO_MAPPING);
  const { linkPreviews: _previous, ...rest } = mapping;
  await deps.tenants.put(enabled ? rest : { ...rest, linkPreviews: false });
  return getTeamsAppSettings(deps, caller);
};

const EXPIRED_BOT_SECRET =
  'This date has passed. Create a new client secret for the bot in Teams Developer Portal and enter its expiry date.';

/** Every field's problem at once, so the form flags them all on the first save. */
const separateBotErrors = (
  input: Extract<BotRegistrationInput, { kind: 'separate' }>,
  context: { clientId: string; previousBotId: string | null; secretStored: boolean; now: Date },
): Record<string, string> => {
  const botId = input.botId.toLowerCase();
  const sameBot = context.previousBotId === botId;
  return {
    ...(botId === context.clientId
      ? {
          botId:
            'This is the app of the Microsoft connection. Choose “The Microsoft connection’s app” instead, or enter the bot id from Teams Developer Portal.',
        }
      : {}),
    ...(!input.botSecret && !(sameBot && context.secretStored)
      ? {
          botSecret: context.previousBotId
            ? 'Enter this bot’s client secret: the stored one belongs to the bot id saved before'
            : 'Enter the bot’s client secret',
        }
      : {}),
    ...(secretExpiryOf(input.secretExpiresOn, context.now).state === 'expired'
      ? { secretExpiresOn: EXPIRED_BOT_SECRET }
      : {}),
  };
};

/**
 * `teams-app/save-bot`: the mapping's app is the bot (the registration and its secret go), or a
 * bot from Teams Developer Portal with its own id and secret (ARCHITECTURE.md D10). The secret is
 * write-only: left empty, the stored one is kept for the same bot id.
 */
export const saveBotRegistration = async (
  deps: TeamsAppSettingsDeps,
  caller: Caller,
  input: BotRegistrationInput,
): Promise<TeamsAppSettingsView> => {
  await requireSiteAdmin(deps.permissions, caller);
  if (input.kind === 'tenant-app') {
    await deps.botRegistrations.clear();
    return getTeamsAppSettings(deps, caller);
  }
  const [mapping, previous, storedSecret] = await Promise.all([
    deps.tenants.get(),
    deps.botRegistrations.get(),
    deps.botRegistrations.getSecret(),
  ]);
  if (!mapping) throw new AppError('tenant_not_configured', NO_MAPPING);
  const now = deps.clock.now();
  const errors = separateBotErrors(input, {
    clientId: mapping.clientId.toLowerCase(),
    previousBotId: previous?.botId ?? null,
    secretStored: storedSecret !== null,
    now,
  });
  if (Object.keys(errors).length > 0) {
    const onlyExpired = Object.keys(errors).length === 1 && errors.secretExpiresOn;
    throw new AppError(
      'invalid_input',
      onlyExpired
        ? 'This bot secret has expired, so it was not saved. Create a new client secret for the bot in Teams Developer Portal and enter it with its expiry date.'
        : invalidInputMessage(errors),
      errors,
    );
  }
  if (input.botSecret) await deps.botRegistrations.setSecret(input.botSecret);
  await deps.botRegistrations.put({
    botId: input.botId.toLowerCase(),
    secretExpiresOn: input.secretExpiresOn,
    updatedAt: now.toISOString(),
    updatedBy: caller.accountId,
  });
  return getTeamsAppSettings(deps, caller);
};

/**
 * `teams-app/test-message`: "Send me a test message" to the admin's own 1:1 chat with the bot.
 * Checked here, so the admin hears what to do at once; the bot's queue sends it.
 */
export const sendTestMessage = async (
  deps: TeamsAppSettingsDeps,
  caller: Caller,
): Promise<TestMessageQueued> => {
  await requireSiteAdmin(deps.permissions, caller);
  if (!(await deps.tenants.get())) throw new AppError('tenant_not_configured', NO_MAPPING);
  const connection = await deps.connections.get(caller.accountId);
  if (!connection) {
    throw new AppError(
      'not_connected',
      'Log in to Microsoft Teams first: open Microsoft Teams from the Apps menu of Confluence and select “Log in to Microsoft Teams”. Then send the test message again.',
    );
  }
  const conversation = await deps.conversations.get(microsoftUserKey(connection.tenantId, connection.oid));
  if (!conversation?.installed) {
    throw new AppError(
      'not_connected',
      `Add the app in Microsoft Teams first: in Teams, open Apps, find Teams for Confluence and select Add (upload the package in Teams admin center if it is not there yet). Then send the test message again.`,
    );
  }
  await deps.botWork.enqueue({
    kind: 'test-message',
    accountId: caller.accountId,
    ...(caller.siteUrl ? { siteUrl: caller.siteUrl } : {}),
  });
  return { queued: true, to: connection.upn || connection.displayName };
};
