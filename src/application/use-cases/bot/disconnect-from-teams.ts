import { confirmDisconnectCard, disconnectedCard } from '../../../domain/bot-cards';
import { microsoftUserKey } from '../../../domain/conversation';
import { cardReplacement } from '../../../domain/teams-invokes';
import type { ConversationStore } from '../../ports/bot-messenger';
import type { Clock } from '../../ports/platform';
import type { ConnectionStore, TokenVault } from '../../ports/stores';
import type { AuthenticatedActivity } from './authenticate-activity';

export interface DisconnectFromTeamsDeps {
  conversations: Pick<ConversationStore, 'get' | 'put'>;
  connections: Pick<ConnectionStore, 'findByMicrosoftUser' | 'delete'>;
  tokens: Pick<TokenVault, 'delete'>;
  clock: Clock;
}

/**
 * "Disconnect" confirmed in the 1:1 chat: the Microsoft user's own link is removed (tokens
 * first), and the card says so. Only the person the activity is signed for can do this.
 */
export const disconnectFromTeams = async (
  deps: DisconnectFromTeamsDeps,
  { activity, tenantId }: AuthenticatedActivity,
): Promise<unknown> => {
  const oid = activity.from.aadObjectId;
  if (!oid) return {};
  const linked = await deps.connections.findByMicrosoftUser(tenantId, oid);
  for (const connection of linked) {
    await deps.tokens.delete(connection.accountId);
    await deps.connections.delete(connection.accountId);
  }
  const microsoftUser = microsoftUserKey(tenantId, oid);
  const conversation = await deps.conversations.get(microsoftUser);
  if (conversation?.confirmedConnection)
    await deps.conversations.put({
      ...conversation,
      confirmedConnection: null,
      updatedAt: deps.clock.now().toISOString(),
    });
  return cardReplacement(linked.length > 0 ? disconnectedCard(undefined) : confirmDisconnectCard());
};
