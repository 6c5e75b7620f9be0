import type { ChatMessageResource } from './chat-message-resource';

/** A posted message or reply as the simulator keeps it: the Graph resource plus where it lives. */
export interface StoredMessage {
  teamId: string | null;
  channelId: string | null;
  chatId: string | null;
  senderOid: string;
  resource: ChatMessageResource;
}
