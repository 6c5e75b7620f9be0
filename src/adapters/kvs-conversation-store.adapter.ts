import kvs from '@forge/kvs';
import type { ConversationStore } from '../application/ports/bot-messenger';
import type { Conversation } from '../domain/conversation';
import { kvsConnectionStore } from './kvs-connection-store.adapter';
import { claimAppAdded, conversationFrom, conversationKey, syncAppAdded } from './kvs-conversation-record';

const linkedAccounts = async (conversation: Conversation): Promise<string[]> =>
  (await kvsConnectionStore.findByMicrosoftUser(conversation.tenantId, conversation.oid)).map(
    (c) => c.accountId,
  );

/**
 * One plain KVS value per person: the bot looks a conversation up by its key only. Every write
 * also brings the linked accounts' `app-added` copies in line with it (kvs-conversation-record.ts).
 * The accounts are looked up after the chat is written, so a login finishing meanwhile is either
 * found here or reads the new chat itself.
 */
export const kvsConversationStore: ConversationStore = {
  get: async (microsoftUser) => conversationFrom(await kvs.get(conversationKey(microsoftUser))),
  put: async (conversation) => {
    if (conversation.installed)
      await claimAppAdded(await linkedAccounts(conversation), conversation.microsoftUser);
    await kvs.set(conversationKey(conversation.microsoftUser), conversation);
    await syncAppAdded(
      await linkedAccounts(conversation),
      conversation.microsoftUser,
      conversation.installed,
    );
  },
};
