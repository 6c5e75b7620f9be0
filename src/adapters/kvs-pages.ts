import type { ListResult, Result } from '@forge/kvs';

/**
 * Reads an index query page after page (Forge answers at most 100 rows a page) until no cursor
 * is left or `visit` answers `false`. `page` builds the query for a cursor (none: the first).
 */
export const eachPage = async <T>(
  page: (cursor: string | undefined) => Promise<ListResult<T>>,
  visit: (results: Result<T>[]) => boolean | void,
): Promise<void> => {
  let cursor: string | undefined;
  do {
    const answer = await page(cursor);
    if (visit(answer.results) === false) return;
    cursor = answer.nextCursor;
  } while (cursor);
};
