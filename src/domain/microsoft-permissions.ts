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
