/**
 * Everything the app asks Microsoft for, in one list: the Entra app registration's delegated
 * permissions (the settings page and README list these), what "Log in to Microsoft Teams" asks
 * for, and what admin consent grants for the whole organization. Least privilege: each entry says
 * what breaks without it. Posting to channels and chats is delegated only (PLATFORM-FACTS
 * "Sending"), so every send acts as a person.
 *
 * Not asked for, on purpose:
 * - `User.Read` (Entra adds it to a new registration): the app never reads `/me`; the ID token
 *   names the person.
 * - `Chat.ReadWrite` (read and write every chat of the person): in chats a repeated edit posts a
 *   new card instead of updating the one posted.
 * - Anything for the companion bot: it talks to the Bot Connector with an app-only token
 *   (`https://api.botframework.com/.default`), not to Graph, and people add the Teams app
 *   themselves, so `TeamsAppInstallation.*` is not needed either.
 */
export const MICROSOFT_PERMISSIONS = [
  { name: 'openid', why: 'Sign-in: the ID token names the Microsoft user and organization.' },
  { name: 'profile', why: 'The name and sign-in name on the ID token, shown with the connection.' },
  {
    name: 'email',
    why: "The account's e-mail on the ID token, compared with the Confluence e-mail after sign-in.",
  },
  {
    name: 'offline_access',
    why: 'A refresh token, so rules keep sending while the person is away.',
  },
  { name: 'Team.ReadBasic.All', why: 'Lists the teams the person belongs to, to choose a channel.' },
  { name: 'Channel.ReadBasic.All', why: "Lists a team's channels, to choose one." },
  { name: 'Chat.ReadBasic', why: "Lists the person's chats by name, to choose one (no messages)." },
  { name: 'ChannelMessage.Send', why: 'Posts cards and replies in a channel as the person.' },
  { name: 'ChatMessage.Send', why: 'Posts cards in a chat as the person.' },
  {
    name: 'ChannelMessage.ReadWrite',
    why: 'Updates a card already posted in a channel instead of posting anew, and finds a card a dropped connection left unconfirmed. Needs admin consent.',
  },
  {
    name: 'ChatMessage.Read',
    why: "Finds a card in a chat's recent messages after a dropped connection, so it is not posted twice.",
  },
  {
    name: 'User.Read.All',
    why: "Finds the people of Atlassian's user export in your directory by e-mail, and whether their account is enabled, when a site admin imports it (User.ReadBasic.All does not show disabled accounts). Needs admin consent.",
  },
] as const satisfies ReadonlyArray<{ name: string; why: string }>;

/** OpenID Connect scopes: they shape the sign-in's answer; the rest are Graph permissions. */
const OPENID_SCOPES: readonly string[] = ['openid', 'profile', 'email', 'offline_access'];

/** Whether `scope` is an OpenID Connect scope rather than a Graph permission. */
export const isOpenIdScope = (scope: string): boolean => OPENID_SCOPES.includes(scope);

/**
 * What "Log in to Microsoft Teams" and admin consent ask for: the whole list, so admin consent
 * covers everything a person's sign-in asks and nobody meets a consent prompt of their own.
 */
export const SIGN_IN_SCOPES: readonly string[] = MICROSOFT_PERMISSIONS.map((p) => p.name);

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
