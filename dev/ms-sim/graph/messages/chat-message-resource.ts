/**
 * The chatMessage resource as Graph v1.0 returns it (the properties a poster can see).
 * @see https://learn.microsoft.com/graph/api/resources/chatmessage
 */
export interface ChatMessageResource {
  id: string;
  replyToId: string | null;
  etag: string;
  messageType: 'message';
  createdDateTime: string;
  lastModifiedDateTime: string;
  lastEditedDateTime: string | null;
  deletedDateTime: string | null;
  subject: string | null;
  summary: string | null;
  chatId: string | null;
  importance: 'normal' | 'high' | 'urgent';
  locale: string;
  webUrl: string;
  policyViolation: null;
  eventDetail: null;
  from: {
    application: null;
    device: null;
    user: {
      '@odata.type': string;
      id: string;
      displayName: string;
      userIdentityType: 'aadUser';
      tenantId: string;
    };
  };
  body: ItemBody;
  channelIdentity: { teamId: string; channelId: string } | null;
  attachments: ChatMessageAttachment[];
  mentions: ChatMessageMention[];
  reactions: unknown[];
}

/** @see https://learn.microsoft.com/graph/api/resources/itembody */
export interface ItemBody {
  contentType: 'text' | 'html';
  content: string;
}

/** @see https://learn.microsoft.com/graph/api/resources/chatmessageattachment */
export interface ChatMessageAttachment {
  id: string;
  contentType: string;
  contentUrl: string | null;
  /** Cards carry their JSON as a string here, exactly as posted. */
  content: string | null;
  name: string | null;
  thumbnailUrl: string | null;
  teamsAppId: string | null;
}

/** @see https://learn.microsoft.com/graph/api/resources/chatmessagemention */
export interface ChatMessageMention {
  id: number;
  mentionText: string;
  mentioned: unknown;
}
