import { hasAnyScope } from '../../tokens/scopes';
import { directoryUsers, type DirectoryUser } from '../../directory/directory-users';
import { graphError } from '../graph-error';
import type { GraphRoute } from '../graph-route';
import { pageOf } from '../paging';

/** Properties `$filter` may compare here (string equality, case-insensitive as Graph's is). */
const FILTERABLE = ['id', 'mail', 'userPrincipalName', 'displayName'] as const;
type Filterable = (typeof FILTERABLE)[number];
/** Graph returns these without `$select`. */
const DEFAULT_PROPERTIES: readonly (keyof DirectoryUser)[] = [
  'displayName',
  'givenName',
  'jobTitle',
  'mail',
  'surname',
  'userPrincipalName',
  'id',
];
/** Not among the basic profile: `User.ReadBasic.All` alone does not return it. */
const FULL_PROFILE_SCOPES = ['User.Read.All', 'Directory.Read.All'];
/** Graph refuses a `$filter` with more clauses than this. */
const MAX_CLAUSES = 15;

type Clause = { property: Filterable; value: string };

/**
 * The subset of OData `$filter` the simulator understands: `prop eq 'value'` clauses joined by
 * `or`; a quote inside a value is doubled (`'o''brien'`). Anything else is null (Graph: 400).
 */
export function parseUserFilter(raw: string): Clause[] | null {
  const clauses: Clause[] = [];
  const clause = /^\s*([A-Za-z]+)\s+eq\s+'((?:[^']|'')*)'\s*(?:or\s+|$)/i;
  let rest = raw;
  while (rest.trim() !== '') {
    const match = clause.exec(rest);
    const property = FILTERABLE.find((p) => p.toLowerCase() === match?.[1]?.toLowerCase());
    if (!match || !property) return null;
    clauses.push({ property, value: (match[2] ?? '').replace(/''/g, "'") });
    rest = rest.slice(match[0].length);
    if (/^\s*$/.test(rest) && /or\s+$/i.test(match[0])) return null;
  }
  return clauses.length > 0 && clauses.length <= MAX_CLAUSES ? clauses : null;
}

const matches = (user: DirectoryUser, clauses: readonly Clause[]): boolean =>
  clauses.some(({ property, value }) => (user[property] ?? '').toLowerCase() === value.toLowerCase());

/**
 * `GET /users`, with `$filter` (see parseUserFilter), `$select`, `$top` and paging.
 * @see https://learn.microsoft.com/graph/api/user-list
 */
export const listUsers: GraphRoute = {
  method: 'GET',
  pattern: '/users',
  delegated: ['User.ReadBasic.All', 'User.Read.All', 'Directory.Read.All'],
  application: ['User.Read.All'],
  handle: ({ ctx, req, user }) => {
    const filter = req.query.get('$filter');
    const clauses = filter === null ? null : parseUserFilter(filter);
    if (filter !== null && clauses === null) {
      return graphError(ctx.clock(), req, 400, 'BadRequest', `Invalid filter clause: ${filter}`);
    }
    const select =
      req.query
        .get('$select')
        ?.split(',')
        .map((s) => s.trim()) ?? null;
    const known = Object.keys(directoryUsers()[0] ?? {});
    const unknown = select?.find((s) => !known.includes(s));
    if (unknown) {
      return graphError(
        ctx.clock(),
        req,
        400,
        'BadRequest',
        `Could not find a property named '${unknown}' on type 'microsoft.graph.user'.`,
      );
    }
    const full = hasAnyScope(user.scopes, FULL_PROFILE_SCOPES);
    const properties = (select ?? DEFAULT_PROPERTIES).filter((p) => full || p !== 'accountEnabled');
    const found = directoryUsers().filter((u) => clauses === null || matches(u, clauses));
    const shaped = found.map((u) =>
      Object.fromEntries(properties.map((p) => [p, u[p as keyof DirectoryUser] ?? null])),
    );
    const context = select ? `users(${select.join(',')})` : 'users';
    return pageOf(ctx.clock(), req, shaped, {
      defaultTop: 100,
      maxTop: 999,
      context: `https://graph.microsoft.com/v1.0/$metadata#${context}`,
    });
  },
};
