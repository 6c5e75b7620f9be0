import { AppError } from '../../../domain/app-error';
import {
  activityRefusal,
  botActivitySchema,
  type BotActivity,
  type BotRefusalReason,
} from '../../../domain/bot-activity';
import { BotAuthError, type BotTokenVerifier } from '../../ports/bot';
import type { TenantStore } from '../../ports/stores';
import { noteBotRefusal, type BotHealthDeps } from './bot-health';

export interface AuthenticateActivityDeps extends BotHealthDeps {
  tenants: Pick<TenantStore, 'get'>;
  botAuth: BotTokenVerifier;
}

export interface AuthenticatedActivity {
  activity: BotActivity;
  botId: string;
  tenantId: string;
  /** The Confluence site's address kept with the tenant mapping (absent in older mappings). */
  siteUrl?: string;
  /** Whether the site admin lets the bot preview pasted links (on unless turned off). */
  linkPreviews: boolean;
}

// Short and the same for every reason: the caller learns nothing about which check failed; the
// health record keeps the reason for the site admin.
const UNAUTHENTICATED = 'The request does not carry a valid Bot Framework token for this bot.';
const FORBIDDEN = 'This bot does not accept this activity.';
const NOT_AN_ACTIVITY = 'The request body is not a Teams activity.';

const refuse = async (
  deps: AuthenticateActivityDeps,
  reason: BotRefusalReason,
  code: 'unauthenticated' | 'forbidden' | 'invalid_input',
  message: string,
): Promise<never> => {
  await noteBotRefusal(deps, reason);
  throw new AppError(code, message);
};

const parseActivity = (body: string): BotActivity | null => {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    return null;
  }
  const parsed = botActivitySchema.safeParse(json);
  return parsed.success ? parsed.data : null;
};

/**
 * Invariant 6 for the bot endpoint: the Bot Framework token is checked before the body is read,
 * then the activity is bound to it (endorsement, serviceUrl) and to this site (Teams, the mapped
 * tenant, this bot). Nothing is stored on the way but the rate-limited health record.
 */
export const authenticateActivity = async (
  deps: AuthenticateActivityDeps,
  request: { authorization: string | null; body: string },
): Promise<AuthenticatedActivity> => {
  const [mapping, storedBotId] = await Promise.all([deps.tenants.get(), deps.botStore.getBotId()]);
  if (!mapping) return refuse(deps, 'bot-not-configured', 'unauthenticated', UNAUTHENTICATED);
  const botId = storedBotId ?? mapping.clientId;
  let token;
  try {
    token = await deps.botAuth.verify(request.authorization, botId);
  } catch (error) {
    if (error instanceof BotAuthError) return refuse(deps, error.reason, 'unauthenticated', UNAUTHENTICATED);
    throw error;
  }
  const activity = parseActivity(request.body);
  if (!activity) return refuse(deps, 'not-an-activity', 'invalid_input', NOT_AN_ACTIVITY);
  const refusal = activityRefusal(activity, token, { botId, tenantId: mapping.tenantId });
  if (refusal) return refuse(deps, refusal, 'forbidden', FORBIDDEN);
  return {
    activity,
    botId,
    tenantId: mapping.tenantId,
    ...(mapping.siteUrl ? { siteUrl: mapping.siteUrl } : {}),
    linkPreviews: mapping.linkPreviews !== false,
  };
};
