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

export const conversationKey = (microsoftUser: string) =>
  KEY.conversation(hashKeyPart(microsoftUser.toLowerCase()));

/** A stored value as a conversation; one that does not parse is none. */
export const conversationFrom = (value: unknown): Conversation | null => {
  const stored = conversationSchema.safeParse(value);
  return stored.success ? stored.data : null;
};

/** One plain KVS value per person: the bot looks a conversation up by its key only. */
export const kvsConversationStore: ConversationStore = {
  get: async (microsoftUser) => conversationFrom(await kvs.get(conversationKey(microsoftUser))),
  put: (conversation) => kvs.set(conversationKey(conversation.microsoftUser), conversation),
};
