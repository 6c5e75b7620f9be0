import type { PersonOption } from '../../../contracts/people';
import type { Caller } from '../../services/authority';
import type { ConfluencePeople, PeopleSearch } from '../../ports/confluence';

export interface PeopleSearchDeps {
  peopleSearch: PeopleSearch;
  people: Pick<ConfluencePeople, 'displayNameOf'>;
}

/** A picker shows a handful; more is a sign to type more. */
const MAX_RESULTS = 10;
/** One letter matches half the site; Confluence's own pickers start at two. */
const MIN_QUERY = 2;

/**
 * People by name for "Only/Never changes by", searched as the caller: anyone signed in may look
 * people up in Confluence, and Confluence hides what their profile settings hide from the caller.
 */
export const searchPeople = async (
  deps: PeopleSearchDeps,
  caller: Caller,
  query: string,
): Promise<PersonOption[]> => {
  const term = query.trim();
  if (term.length < MIN_QUERY) return [];
  const found = await deps.peopleSearch.searchByNameAs(caller.accountId, term, MAX_RESULTS);
  return found.slice(0, MAX_RESULTS);
};

/** Names for account ids a rule already stores, so the editor shows people, not ids. */
export const namePeople = async (
  deps: PeopleSearchDeps,
  _caller: Caller,
  accountIds: readonly string[],
): Promise<PersonOption[]> =>
  Promise.all(
    [...new Set(accountIds)].map(async (accountId) => ({
      accountId,
      displayName: await deps.people.displayNameOf(accountId),
    })),
  );
