/**
 * Delegated Microsoft Graph permissions the Entra app registration needs. Posting to channels
 * and chats is delegated only (PLATFORM-FACTS "Sending"), so every send acts as a person.
 */
export const GRAPH_DELEGATED_PERMISSIONS = [
  'User.Read',
  'Team.ReadBasic.All',
  'Channel.ReadBasic.All',
  'Chat.ReadBasic',
  'ChannelMessage.Send',
  'ChatMessage.Send',
  // Repeated edits of a page update the card already posted instead of posting anew (PATCH,
  // sender only). Needs an administrator's consent. Chats would need Chat.ReadWrite (read and
  // write every chat of the user): not asked for; in chats a repeated edit posts a new card.
  'ChannelMessage.ReadWrite',
  // Before posting again after a connection dropped mid-send, the sender looks for the card in
  // the chat's recent messages, so a message Teams stored is not posted twice. Channels read
  // with ChannelMessage.ReadWrite above. No admin consent needed.
  'ChatMessage.Read',
] as const;

/**
 * What "Log in to Microsoft Teams" asks for: OpenID scopes give the ID token (oid, tid),
 * offline_access a refresh token, the rest are Graph permissions (short names mean Graph).
 */
export const SIGN_IN_SCOPES: readonly string[] = [
  'openid',
  'profile',
  'offline_access',
  ...GRAPH_DELEGATED_PERMISSIONS,
];

/** The delegated permission Graph needs to edit (PATCH) a message the user sent there. */
export const EDIT_MESSAGE_PERMISSION = {
  channel: 'ChannelMessage.ReadWrite',
  chat: 'Chat.ReadWrite',
} as const;

/** Delegated permissions any one of which lets Graph list a destination's recent messages. */
export const READ_MESSAGES_PERMISSIONS = {
  channel: ['ChannelMessage.Read.All', 'ChannelMessage.ReadWrite'],
  chat: ['ChatMessage.Read', 'Chat.Read', 'Chat.ReadWrite'],
} as const;

/** Whether granted scopes (`ChannelMessage.Send` or `https://graph.microsoft.com/…`) include `permission`. */
export const grantsPermission = (scopes: readonly string[], permission: string): boolean =>
  scopes.some((scope) => (scope.split('/').at(-1) ?? '').toLowerCase() === permission.toLowerCase());
