import kvs from '@forge/kvs';
import { z } from 'zod';
import type { ConversationStore } from '../application/ports/bot-messenger';
import type { Conversation } from '../domain/conversation';
import { hashKeyPart, KEY } from './kvs-keys';

const conversationSchema = z.object({
  schemaVersion: z.literal(1),
  microsoftUser: z.string(),
  tenantId: z.string(),
  oid: z.string(),
  userId: z.string(),
  serviceUrl: z.string(),
  conversationId: z.string(),
  botId: z.string(),
  installed: z.boolean(),
  confirmedConnection: z.string().nullable(),
  welcomed: z.boolean(),
  updatedAt: z.string(),
}) satisfies z.ZodType<Conversation>;

const keyOf = (microsoftUser: string) => KEY.conversation(hashKeyPart(microsoftUser.toLowerCase()));

/** One plain KVS value per person: the bot looks a conversation up by its key only. */
export const kvsConversationStore: ConversationStore = {
  get: async (microsoftUser) => {
    const stored = conversationSchema.safeParse(await kvs.get(keyOf(microsoftUser)));
    return stored.success ? stored.data : null;
  },
  put: (conversation) => kvs.set(keyOf(conversation.microsoftUser), conversation),
};
