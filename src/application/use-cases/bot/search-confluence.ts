import { CONNECT_FIRST_TEXT } from '../../../domain/comment-cards';
import { searchResult } from '../../../domain/found-content-cards';
import { MAX_SEARCH_RESULTS, SPACE_KEY_PATTERN, searchCql } from '../../../domain/search-cql';
import {
  extensionMessage,
  extensionResults,
  extensionSignIn,
  parameterValue,
  queryValueSchema,
  SEARCH_COMMAND,
} from '../../../domain/teams-invokes';
import { ConfluenceRequestError } from '../../ports/confluence';
import type { ContentFinder } from '../../ports/confluence-from-teams';
import type { AuthenticatedActivity } from './authenticate-activity';
import { linkedAccountOf, personalPageOf, type TeamsPersonDeps } from './teams-person';

export interface SearchDeps extends TeamsPersonDeps {
  finder: Pick<ContentFinder, 'searchAs'>;
}

/**
 * The search message extension (`composeExtension/query`): a CQL text search run as the person,
 * one request to Confluence and nothing stored, inside Teams' 5 seconds. The person sees what
 * Confluence lets them see (invariant 3); picking a result puts its card into their message.
 */
export const searchConfluence = async (
  deps: SearchDeps,
  authenticated: AuthenticatedActivity,
): Promise<unknown> => {
  const parsed = queryValueSchema.safeParse(authenticated.activity.value);
  if (!parsed.success) return extensionMessage('Teams sent a search this app does not understand.');
  const value = parsed.data;
  if (value.commandId !== SEARCH_COMMAND)
    return extensionMessage(`This app has no search command called “${value.commandId.slice(0, 64)}”.`);
  const accountId = await linkedAccountOf(deps, authenticated);
  if (!accountId) {
    const page = personalPageOf(deps, authenticated);
    return page ? extensionSignIn(page) : extensionMessage(CONNECT_FIRST_TEXT);
  }
  const spaceKey = parameterValue(value, 'space').trim();
  if (spaceKey && !SPACE_KEY_PATTERN.test(spaceKey))
    return extensionMessage('Type a space key, such as ENG, to search one space.');
  const cql = searchCql({ text: parameterValue(value, 'query'), ...(spaceKey ? { spaceKey } : {}) });
  const count = Math.min(value.queryOptions?.count ?? MAX_SEARCH_RESULTS, MAX_SEARCH_RESULTS);
  try {
    const found = await deps.finder.searchAs(accountId, cql, {
      start: value.queryOptions?.skip ?? 0,
      limit: count,
    });
    return extensionResults(found.map(searchResult));
  } catch (error) {
    if (!(error instanceof ConfluenceRequestError)) throw error;
    // A space key that does not exist, or Confluence busy: say so rather than show an error.
    return extensionMessage(
      error.status === 400
        ? 'Confluence could not run this search. Check the space key.'
        : 'Confluence did not answer the search. Try again in a moment.',
    );
  }
};
