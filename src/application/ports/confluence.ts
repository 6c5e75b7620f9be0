import type { CatchUpItem } from '../../domain/catch-up-card';

/** What the app needs to know about a piece of content, read as a given user. */
export interface ContentSummary {
  id: string;
  type: 'page' | 'blogpost';
  title: string;
  spaceKey: string;
  spaceName: string;
  version: number;
  versionMessage: string;
  url: string;
  /** The site's `/wiki` base URL, for links the app builds (page comparisons). */
  baseUrl?: string;
  /** Ancestor pages root first, with the titles the reader may see. */
  ancestors?: Array<{ id: string; title: string }>;
  /** Public labels, lower case. */
  labels?: string[];
}

/** A comment as its reader sees it. */
export interface CommentSummary {
  id: string;
  /** Storage format. */
  body: string;
  authorAccountId: string | null;
}

export interface SpaceSummary {
  key: string;
  name: string;
}

/** What the trigger may need to know about content beyond the event; only what was asked is set. */
export interface ContentFacts {
  /** Public labels, lower case. */
  labels?: string[];
  /** Ancestor page ids, root first. */
  ancestorIds?: string[];
}

/** Content someone can view, with the title they see. */
export interface ViewableContent {
  id: string;
  title: string;
}

/*
 * Confluence, through the Forge product API, in the words of what the app needs from it. Each
 * use case takes only the ports it uses; one Confluence client sits underneath them all. Checks
 * run on the server, never in the UI.
 */

/** Who may do what: the authority checks behind every settings change, and what a person may see. */
export interface ConfluencePermissions {
  isSiteAdmin(accountId: string): Promise<boolean>;
  isSpaceAdmin(accountId: string, spaceKey: string): Promise<boolean>;
  canEditContent(accountId: string, contentId: string): Promise<boolean>;
  /**
   * Which of `contentIds` `accountId` can view now, with the titles they see: a few requests for
   * a whole listing, never one per id. Ids not in the answer are hidden from them (or gone).
   */
  viewableTitlesAs(accountId: string, contentIds: readonly string[]): Promise<ViewableContent[]>;
}

/** Content read as a person (offline impersonation): what a card or a settings page shows them. */
export interface ContentReader {
  /** Null when they cannot view it (or it is gone). */
  getContentAs(accountId: string, contentId: string): Promise<ContentSummary | null>;
  /** Null when the space does not exist or they cannot view it. */
  getSpaceAs(accountId: string, spaceKey: string): Promise<SpaceSummary | null>;
  /** The storage-format body of one version; null when they cannot read it. */
  getVersionBodyAs(accountId: string, contentId: string, version: number): Promise<string | null>;
  /** Null when they cannot view the comment. */
  getCommentAs(accountId: string, commentId: string): Promise<CommentSummary | null>;
}

/** CQL, run by Confluence as the person whose filter it is. */
export interface CqlSearch {
  /**
   * Runs `cql` as `accountId` (one result at most) so Confluence itself judges the syntax.
   * Returns Confluence's message when it refuses the query, null when it runs.
   */
  validateCql(accountId: string, cql: string): Promise<string | null>;
  /** Whether `id = <contentId> AND (<cql>)` finds the content when run as `accountId`. */
  matchesCqlAs(accountId: string, contentId: string, cql: string): Promise<boolean>;
}

/** What changed, found by CQL run as a person: the catch-up a new rule sends. */
export interface ChangeSearch {
  /**
   * The first `limit` results of `cql` run as `accountId` (Confluence leaves out what they cannot
   * view), how many match in all, and the site's `/wiki` base URL for links.
   */
  findChangesAs(
    accountId: string,
    cql: string,
    limit: number,
  ): Promise<{ items: CatchUpItem[]; total: number; baseUrl: string }>;
}

/** People as others see them. */
export interface ConfluencePeople {
  /** Their public name; a neutral stand-in when Confluence does not say. */
  displayNameOf(accountId: string): Promise<string>;
  /**
   * The caller's own e-mail as Confluence shows it, read as the caller (`accountId` is the
   * caller); null when their profile's privacy settings hide it.
   */
  emailOf(accountId: string): Promise<string | null>;
}

/** What the app itself reads (no user): the trigger's and consumer's facts about an event. */
export interface AppView {
  /**
   * Labels and/or ancestors of a page or blog post in one request (a trigger has no user).
   * Null when the content is gone.
   */
  readContentFacts(
    contentId: string,
    need: { labels: boolean; ancestors: boolean },
  ): Promise<ContentFacts | null>;
  /** The comment version the app marked as its own (domain/echo-guard), or null when unmarked. */
  readAppCommentMarker(commentId: string): Promise<number | null>;
  /** The app's own Atlassian account (the runtime does not expose it); cached after the first call. */
  appAccountId(): Promise<string>;
}

/**
 * What a failed request to Confluence means for the app (the adapter translates statuses):
 * - `unavailable`: nothing usable came back (429, 5xx, a dropped connection); may work later.
 * - `refused`: Confluence refused the app or the person where an answer was expected (401, 403).
 * - `unexpected`: any other status, or an answer in a shape the app does not know.
 */
export type ConfluenceFailureKind = 'unavailable' | 'refused' | 'unexpected';

/** A request to Confluence that did not succeed; `status` is null when nothing answered. */
export class ConfluenceRequestError extends Error {
  constructor(
    readonly kind: ConfluenceFailureKind,
    readonly status: number | null,
    message: string,
  ) {
    super(message);
    this.name = 'ConfluenceRequestError';
  }
}

/**
 * Who Confluence itself would notify about a change, read as the app (the consumer has no user):
 * the people personal notifications are for. Account ids only; each is checked later as its
 * person before anything is sent to them (invariant 3).
 */
export interface NotificationAudience {
  /** People watching the page or blog post itself. */
  contentWatchers(contentId: string): Promise<string[]>;
  /** People watching the space the content is in. */
  spaceWatchers(contentId: string): Promise<string[]>;
  /** Who created the page or blog post; null when Confluence does not say or it is gone. */
  creatorOf(contentId: string): Promise<string | null>;
  /** A version's storage-format body as the app reads it (for its @mentions); null when gone. */
  versionBody(contentId: string, version: number): Promise<string | null>;
  /** A comment's storage body and author as the app reads it; null when gone. */
  comment(commentId: string): Promise<CommentSummary | null>;
}

/** A person as a people picker shows them. */
export interface PersonSummary {
  accountId: string;
  displayName: string;
}

/** People found by name, searched as a person: Confluence applies their view of profiles. */
export interface PeopleSearch {
  /** People (not apps) whose full name has a word starting with `query`, at most `limit`. */
  searchByNameAs(accountId: string, query: string, limit: number): Promise<PersonSummary[]>;
}
