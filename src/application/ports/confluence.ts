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

/** Confluence, through the Forge product API. Checks run on the server, never in the UI. */
export interface ConfluenceGateway {
  isSiteAdmin(accountId: string): Promise<boolean>;
  isSpaceAdmin(accountId: string, spaceKey: string): Promise<boolean>;
  canEditContent(accountId: string, contentId: string): Promise<boolean>;
  /** Reads the content as `accountId` (offline impersonation); null when they cannot view it. */
  getContentAs(accountId: string, contentId: string): Promise<ContentSummary | null>;
  displayNameOf(accountId: string): Promise<string>;
  /** Reads the space as `accountId`; null when it does not exist or they cannot view it. */
  getSpaceAs(accountId: string, spaceKey: string): Promise<SpaceSummary | null>;
  /**
   * Runs `cql` as `accountId` (one result at most) so Confluence itself judges the syntax.
   * Returns Confluence's message when it refuses the query, null when it runs.
   */
  validateCql(accountId: string, cql: string): Promise<string | null>;
  /**
   * Labels and/or ancestors of a page or blog post in one request, as the app (a trigger has no
   * user). Null when the content is gone.
   */
  readContentFacts(
    contentId: string,
    need: { labels: boolean; ancestors: boolean },
  ): Promise<ContentFacts | null>;
  /** The comment version the app marked as its own (domain/echo-guard), or null when unmarked. */
  readAppCommentMarker(commentId: string): Promise<number | null>;
  /** The app's own Atlassian account (the runtime does not expose it); cached after the first call. */
  appAccountId(): Promise<string>;
  /** Whether `id = <contentId> AND (<cql>)` finds the content when run as `accountId`. */
  matchesCqlAs(accountId: string, contentId: string, cql: string): Promise<boolean>;
  /** The storage-format body of one version, read as `accountId`; null when they cannot read it. */
  getVersionBodyAs(accountId: string, contentId: string, version: number): Promise<string | null>;
  /** A comment read as `accountId`; null when they cannot view it. */
  getCommentAs(accountId: string, commentId: string): Promise<CommentSummary | null>;
  /**
   * Which of `contentIds` `accountId` can view now, with the titles they see: a few requests for
   * a whole listing, never one per id. Ids not in the answer are hidden from them (or gone).
   */
  viewableTitlesAs(accountId: string, contentIds: readonly string[]): Promise<ViewableContent[]>;
}
