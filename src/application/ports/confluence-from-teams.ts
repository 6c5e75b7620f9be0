import type { CommentTarget } from '../../domain/comment-cards';
import type { FoundContent, FoundSpace } from '../../domain/found-content-cards';

/*
 * Confluence as the person using Teams (offline impersonation of their linked account): what the
 * message extension finds and previews, and the comments they post. Confluence applies that
 * person's permissions, so Teams shows and does exactly what they could in Confluence.
 */

/** Search and link previews, read as the person. */
export interface ContentFinder {
  /**
   * Pages and blog posts `cql` finds when run as `accountId`, in Confluence's order: one request,
   * at most `limit` results from `start`.
   */
  searchAs(accountId: string, cql: string, page: { start: number; limit: number }): Promise<FoundContent[]>;
  /** A page or blog post with its author, last update and an excerpt; null when they cannot view it. */
  previewContentAs(accountId: string, contentId: string): Promise<FoundContent | null>;
  /** A space's name and description; null when they cannot view it. */
  previewSpaceAs(accountId: string, spaceKey: string): Promise<FoundSpace | null>;
}

export type CommentOutcome =
  | {
      kind: 'posted';
      commentId: string;
      /** Links to the comment and to the page, and the page's title, as the person sees them. */
      commentUrl: string;
      pageUrl: string;
      title: string;
    }
  /** Confluence refused: `reason` is in plain words for the person (Confluence's own where it gave one). */
  | { kind: 'refused'; reason: string };

/** Comments written as the person. */
export interface CommentWriter {
  /**
   * Posts `storageBody` on the target as `accountId`, carrying the app's marker from the moment
   * it exists (domain/echo-guard), so its event never comes back to Teams (invariant 8).
   */
  commentAs(accountId: string, target: CommentTarget, storageBody: string): Promise<CommentOutcome>;
}
