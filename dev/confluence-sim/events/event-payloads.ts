import type { ConfluenceSite } from '../site/confluence-site';
import type { ContentRecord, LabelRecord } from '../site/content-record';
import { eventCommentContent, eventPageContent } from './event-content';

/**
 * Top-level payloads of the Confluence product events the simulator emits.
 * @see https://developer.atlassian.com/platform/forge/events-reference/confluence/
 */

/** Who caused the change and whether the app caused it (`selfGenerated`, what `ignoreSelf` filters on). */
export interface EventCause {
  actorId: string;
  selfGenerated: boolean;
}

/**
 * `updateTrigger` values are not listed in Atlassian's docs; `edit_page` is what Confluence sends for
 * an ordinary editor save, and the simulator uses `edit_comment` for comment edits by analogy.
 */
const UPDATE_TRIGGER = { page: 'edit_page', blogpost: 'edit_page', comment: 'edit_comment' } as const;

function envelope(site: ConfluenceSite, eventType: string, cause: EventCause): Record<string, unknown> {
  return {
    eventType,
    atlassianId: cause.actorId,
    eventCreatedDate: site.now(),
  };
}

/** `avi:confluence:{created,updated}:{page,blogpost,comment}`. */
export function contentEvent(
  site: ConfluenceSite,
  action: 'created' | 'updated',
  content: ContentRecord,
  cause: EventCause,
): { eventType: string; payload: object } {
  const eventType = `avi:confluence:${action}:${content.type}`;
  const latest = content.versions[content.versions.length - 1];
  const payload = {
    ...envelope(site, eventType, cause),
    // A minor edit ("don't notify watchers") is the one case Confluence suppresses notifications.
    suppressNotifications: action === 'updated' && latest.minorEdit,
    selfGenerated: cause.selfGenerated,
    ...(action === 'updated' ? { updateTrigger: UPDATE_TRIGGER[content.type] } : {}),
    content:
      content.type === 'comment' ? eventCommentContent(site, content) : eventPageContent(site, content),
  };
  return { eventType, payload };
}

/** `avi:confluence:added:label`: the label and the content with all its labels at the time of the event. */
export function labelAddedEvent(
  site: ConfluenceSite,
  content: ContentRecord,
  label: LabelRecord,
  cause: EventCause,
): { eventType: string; payload: object } {
  const eventType = 'avi:confluence:added:label';
  const payload = {
    ...envelope(site, eventType, cause),
    selfGenerated: cause.selfGenerated,
    label: { id: label.id, name: label.name, prefix: label.prefix },
    content: {
      ...eventPageContent(site, content),
      labels: content.labels.map((l) => ({ id: l.id, name: l.name, prefix: l.prefix })),
    },
  };
  return { eventType, payload };
}
