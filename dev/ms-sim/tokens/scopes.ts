/**
 * Scope handling for the Microsoft identity platform v2.0 endpoints.
 * @see https://learn.microsoft.com/entra/identity-platform/scopes-oidc
 * @see https://learn.microsoft.com/graph/permissions-reference
 */

export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const BOT_FRAMEWORK_RESOURCE = 'https://api.botframework.com';
/** Graph's well-known application id; Entra accepts it in place of the resource URL. */
const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** OpenID Connect scopes: they shape the token response but never appear in an access token's `scp`. */
export const OIDC_SCOPES = ['openid', 'profile', 'email', 'offline_access'] as const;

/** Delegated Graph permissions the simulator knows, with whether they need an administrator's consent. */
const DELEGATED_PERMISSIONS: Record<string, boolean> = {
  'User.Read': false,
  'User.ReadBasic.All': false,
  'User.Read.All': true,
  'Team.ReadBasic.All': false,
  'TeamSettings.Read.All': true,
  'Channel.ReadBasic.All': false,
  'ChannelSettings.Read.All': true,
  'ChannelMessage.Send': false,
  'ChannelMessage.Read.All': true,
  'ChannelMessage.ReadWrite': true,
  'Chat.ReadBasic': false,
  'Chat.Read': false,
  'Chat.ReadWrite': false,
  'Chat.Create': false,
  'ChatMessage.Send': false,
  'ChatMessage.Read': false,
  'Group.Read.All': true,
  'Group.ReadWrite.All': true,
  'Directory.Read.All': true,
};

/**
 * The delegated permissions listed on the seeded Entra app registration: what `.default`
 * stands for, and what the tenant mapping page tells the site admin to register.
 */
export const APP_REGISTRATION_PERMISSIONS = [
  'User.Read',
  'Team.ReadBasic.All',
  'Channel.ReadBasic.All',
  'Chat.ReadBasic',
  'ChannelMessage.Send',
  'ChatMessage.Send',
  'ChannelMessage.ReadWrite',
] as const;

/** Requested scopes split into OpenID Connect scopes and canonical Graph permission names. */
export type ParsedScopes = { ok: true; oidc: string[]; graph: string[] } | { ok: false; invalid: string };

const canonicalPermission = (name: string): string | undefined =>
  Object.keys(DELEGATED_PERMISSIONS).find((p) => p.toLowerCase() === name.toLowerCase());

/** Parses a space-separated `scope` parameter; scope names are case-insensitive. */
export function parseDelegatedScopes(raw: string): ParsedScopes {
  const oidc = new Set<string>();
  const graph = new Set<string>();
  for (const token of raw.split(/\s+/).filter(Boolean)) {
    const lower = token.toLowerCase();
    const openId = OIDC_SCOPES.find((s) => s === lower);
    if (openId) {
      oidc.add(openId);
      continue;
    }
    const name = graphPermissionName(token);
    if (name === undefined) return { ok: false, invalid: token };
    if (name === '.default') {
      APP_REGISTRATION_PERMISSIONS.forEach((p) => graph.add(p));
      continue;
    }
    const canonical = canonicalPermission(name);
    if (!canonical) return { ok: false, invalid: token };
    graph.add(canonical);
  }
  return { ok: true, oidc: [...oidc], graph: [...graph] };
}

/** A bare name means Graph (Entra's default resource); another resource's scope is not simulated. */
function graphPermissionName(token: string): string | undefined {
  for (const prefix of [`${GRAPH_RESOURCE}/`, `${GRAPH_APP_ID}/`]) {
    if (token.toLowerCase().startsWith(prefix)) return token.slice(prefix.length);
  }
  return token.includes('/') || token.includes(':') ? undefined : token;
}

export function permissionsNeedingAdminConsent(graph: readonly string[]): string[] {
  return graph.filter((p) => DELEGATED_PERMISSIONS[p] === true);
}

/** True when `granted` holds at least one of `required` (Graph's "one of the following"). */
export function hasAnyScope(granted: readonly string[], required: readonly string[]): boolean {
  const lower = new Set(granted.map((s) => s.toLowerCase()));
  return required.some((r) => lower.has(r.toLowerCase()));
}

export const isOidcScope = (scope: string): boolean => (OIDC_SCOPES as readonly string[]).includes(scope);
