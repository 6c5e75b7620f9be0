/** The event kinds a rule can choose. */
export const EVENT_KINDS = [
  'page_created',
  'page_updated',
  'blogpost_created',
  'blogpost_updated',
  'comment_created',
  'comment_updated',
  'label_added',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const COMMENT_LOCATIONS = ['footer', 'inline'] as const;
type CommentLocation = (typeof COMMENT_LOCATIONS)[number];

/** The comment a comment event is about; the event itself is about the comment's page. */
export interface CommentRef {
  id: string;
  location: CommentLocation;
  /** The comment this one replies to; null for a top-level comment. */
  parentCommentId: string | null;
  /** The comment's own version: an edit bumps it, the page's version stays. */
  version: number;
}

/**
 * A Confluence event reduced to what the pipeline needs. Every kind is about a page or blog
 * post: for comments `contentId`, `title`, `version` and the space are the container's and
 * `comment` names the comment; for labels `label` is the label just added.
 */
export interface ContentEvent {
  kind: EventKind;
  contentId: string;
  contentType: 'page' | 'blogpost';
  title: string;
  spaceKey: string;
  spaceName: string;
  actorAccountId: string | null;
  version: number;
  /** An edit published with "don't notify watchers" (suppressNotifications); a creation never is. */
  minorEdit: boolean;
  occurredAt: string;
  /** The content's labels (lower case) when known: label events carry them, others are fetched on demand. */
  labels?: string[];
  /** The page's ancestors, root first, when known (fetched only for rules that cover descendants). */
  ancestorIds?: string[];
  comment?: CommentRef;
  label?: string;
}

/**
 * Same change → same key, however often the event is delivered. Comments are keyed by the
 * comment and its version (the page's version does not move), labels by content and label
 * (adding a label does not create a version).
 */
export const eventDedupKey = (event: ContentEvent): string => {
  if (event.comment) return `${event.kind}:${event.comment.id}:${event.comment.version}`;
  if (event.kind === 'label_added') return `${event.kind}:${event.contentId}:${event.label ?? ''}`;
  return `${event.kind}:${event.contentId}:${event.version}`;
};

export { normaliseContentEvent, type EventOrigin, type NormaliseResult } from './content-event-payload';
