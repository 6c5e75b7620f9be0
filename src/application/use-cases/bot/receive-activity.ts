import type { BotActivity } from '../../../domain/bot-activity';
import { noteBotRequest, type BotHealthDeps } from './bot-health';

export type ReceiveActivityDeps = BotHealthDeps;

/** What the bot endpoint answers over HTTP; `body` is sent as JSON, none means an empty 200. */
export interface BotAnswer {
  status: number;
  body?: unknown;
}

/**
 * An activity that passed authentication (authenticate-activity.ts). Messages and install events
 * answer 200 at once (their work goes to a queue); an invoke is answered in the body, and one
 * the bot does not handle gets `{}`, which Teams takes as "nothing to show".
 */
export const receiveActivity = async (
  deps: ReceiveActivityDeps,
  activity: BotActivity,
): Promise<BotAnswer> => {
  await noteBotRequest(deps);
  switch (activity.type) {
    case 'invoke':
      return { status: 200, body: {} };
    case 'message':
    case 'conversationUpdate':
    case 'installationUpdate':
    default:
      return { status: 200 };
  }
};
