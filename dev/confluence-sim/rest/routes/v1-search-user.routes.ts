import { PEOPLE } from '../../../seed';
import type { Router } from '../../http/router';
import { principalForAccount, type Principal } from '../../site/principal';
import { SimulatorError } from '../../site/simulator-error';
import { ok, type RestHandler } from '../rest-handler';
import { v1User } from '../shapes/user-shape';

type UserQuery = { field: 'fullname'; term: string } | { field: 'accountid'; value: string };

// The user-specific CQL this endpoint reads: `user.fullname ~ "jo"` and `user.accountid = "…"`
// (or `user = "…"`), values quoted or bare.
const USER_CQL = /^\s*user(\.fullname|\.accountid)?\s*(~|=)\s*(?:"([^"]*)"|'([^']*)'|(\S+))\s*$/i;

function parseUserCql(cql: string | null): UserQuery {
  if (!cql) throw new SimulatorError(400, 'cql is a required parameter');
  const match = USER_CQL.exec(cql);
  if (!match) throw new SimulatorError(400, `Could not parse cql : ${cql}`);
  const [, field = '', operator, ...values] = match;
  const value = values.find((v) => v !== undefined) ?? '';
  if (field.toLowerCase() === '.fullname' && operator === '~') return { field: 'fullname', term: value };
  if (field.toLowerCase() !== '.fullname' && operator === '=') return { field: 'accountid', value };
  throw new SimulatorError(400, `Could not parse cql : ${cql}`);
}

/** Like Confluence: a full name matches when one of its words starts with the term. */
const nameMatches = (displayName: string, term: string): boolean => {
  const wanted = term.trim().toLowerCase();
  return (
    wanted !== '' &&
    displayName
      .toLowerCase()
      .split(/\s+/)
      .some((word) => word.startsWith(wanted))
  );
};

function findPeople(query: UserQuery): Principal[] {
  if (query.field === 'accountid') {
    const found = principalForAccount(query.value);
    return found?.kind === 'user' ? [found] : [];
  }
  return PEOPLE.filter((p) => nameMatches(p.displayName, query.term)).flatMap(
    (p) => principalForAccount(p.accountId) ?? [],
  );
}

/**
 * `GET /wiki/rest/api/search/user`: people by user-specific CQL, `start`/`limit` paged, each
 * result a `user` with `entityType: 'user'`. Every signed-in person may search people.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-search/#api-wiki-rest-api-search-user-get
 */
export function registerV1UserSearchRoute(router: Router<RestHandler>): void {
  router.add('GET', '/wiki/rest/api/search/user', (req) => {
    const all = findPeople(parseUserCql(req.query.get('cql')));
    const start = Math.max(Number(req.query.get('start') ?? 0) || 0, 0);
    const limit = Math.min(Math.max(Number(req.query.get('limit') ?? 25) || 25, 1), 1000);
    const results = all.slice(start, start + limit).map((principal) => {
      const user = v1User(principal, req.baseUrl);
      return {
        user,
        title: user.displayName,
        excerpt: '',
        url: `/people/${principal.accountId}`,
        breadcrumbs: [],
        entityType: 'user',
        iconCssClass: 'aui-icon content-type-profile',
        lastModified: '2026-01-01T00:00:00.000Z',
        score: 0,
      };
    });
    return ok({
      results,
      start,
      limit,
      size: results.length,
      totalSize: all.length,
      cqlQuery: req.query.get('cql'),
      searchDuration: 1,
      _links: { base: req.baseUrl, context: '/wiki' },
    });
  });
}
