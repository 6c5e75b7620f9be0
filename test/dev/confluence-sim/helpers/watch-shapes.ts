/*
 * The watch answers of Confluence's v1 REST API as the tests read them.
 * @see https://developer.atlassian.com/cloud/confluence/rest/v1/api-group-content-watches/
 */

/** `WatchUser`: a user without `_links` or `_expandable`. */
export interface WatchUser {
  type: string;
  accountId: string;
  displayName: string;
  profilePicture: { path: string };
}

/** One entry of `GET /content/{id}/notification/child-created` (`WatchArray`). */
export interface ContentWatch {
  type: string;
  watcher: WatchUser;
  contentId: string;
}

/** One entry of `GET /content/{id}/notification/created` (`SpaceWatchArray`). */
export interface SpaceWatch {
  type: string;
  watcher: WatchUser;
  spaceKey: string;
}

export interface WatchList<T> {
  results: T[];
  start: number;
  limit: number;
  size: number;
  _links: { base: string; context: string; self: string; next?: string };
}
