import type { Conversation } from '../../domain/conversation';
import type { BotMessenger, ConversationStore, OutgoingText } from '../ports/bot-messenger';
import { isMicrosoftFailure, type OutgoingCard } from '../ports/microsoft';
import { botAccessToken, type BotTokenDeps } from './bot-token';

export interface BotSendDeps extends BotTokenDeps {
  bot: BotMessenger;
  conversations: Pick<ConversationStore, 'put'>;
}

/**
 * Sends into a person's 1:1 chat as the bot. A refused token is fetched again once; a person who
 * removed or blocked the app (403) is marked as such and `not-installed` comes back instead of
 * an error, since trying again cannot help.
 */
export const sendAsBot = async (
  deps: BotSendDeps,
  conversation: Conversation,
  outgoing: OutgoingCard | OutgoingText,
): Promise<{ activityId: string } | 'not-installed'> => {
  const send = async (forceRefresh: boolean) =>
    deps.bot.send(await botAccessToken(deps, { forceRefresh }), conversation, outgoing);
  try {
    return await send(false).catch((error: unknown) => {
      if (isMicrosoftFailure(error, 'token-rejected')) return send(true);
      throw error;
    });
  } catch (error) {
    if (!isMicrosoftFailure(error, 'forbidden')) throw error;
    await deps.conversations.put({
      ...conversation,
      installed: false,
      updatedAt: deps.clock.now().toISOString(),
    });
    return 'not-installed';
  }
};
