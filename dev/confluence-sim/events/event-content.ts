import type { ConfluenceSite } from '../site/confluence-site';
import type { ContentRecord } from '../site/content-record';
import type { SpaceRecord } from '../site/space-record';
import { eventUser } from './event-user';

/*
 * Building blocks of Confluence product event payloads, following the type reference of
 * https://developer.atlassian.com/platform/forge/events-reference/confluence/ (Content, Space,
 * History, Version). Events carry no body: apps fetch it over REST.
 */

export function eventSpace(space: SpaceRecord): object {
  return {
    id: Number(space.id),
    key: space.key,
    alias: space.key,
    name: space.name,
    icon: { path: '/images/logo/default-space-logo-256.png', width: 48, height: 48, isDefault: false },
    type: space.type,
    status: space.status,
  };
}

export function eventHistory(content: ContentRecord): object {
  return {
    latest: true,
    createdBy: eventUser(content.createdBy),
    ownedBy: eventUser(content.ownerId),
    createdDate: content.createdAt,
  };
}

export function eventVersion(content: ContentRecord): object {
  const latest = content.versions[content.versions.length - 1];
  return { by: eventUser(latest.by), when: latest.when, number: latest.number };
}

function spaceOf(site: ConfluenceSite, content: ContentRecord): SpaceRecord {
  const space = site.spaceByKey(content.spaceKey);
  if (!space) throw new Error(`Content ${content.id} is in unknown space ${content.spaceKey}`);
  return space;
}

/** A page or blog post. `subType` is only set for live docs, which the simulator does not have. */
export function eventPageContent(site: ConfluenceSite, content: ContentRecord): Record<string, unknown> {
  return {
    id: content.id,
    type: content.type,
    status: content.status,
    title: content.title,
    space: eventSpace(spaceOf(site, content)),
    history: eventHistory(content),
    version: eventVersion(content),
  };
}

/**
 * A comment with its thread (`ancestors`, newest first), its container page or blog post and its
 * location. The docs' interface types `container.id` as a number but their example payload shows a
 * string; the simulator follows the example, so consumers must accept both.
 */
export function eventCommentContent(site: ConfluenceSite, comment: ContentRecord): Record<string, unknown> {
  const container = comment.containerId ? site.content(comment.containerId) : undefined;
  if (!container) throw new Error(`Comment ${comment.id} has no container`);
  const ancestors: object[] = [];
  let parentId = comment.parentCommentId;
  while (parentId) {
    const parent = site.content(parentId);
    if (!parent) break;
    ancestors.push({
      id: parent.id,
      type: 'comment',
      status: parent.status,
      title: parent.title,
      history: eventHistory(parent),
    });
    parentId = parent.parentCommentId;
  }
  return {
    ...eventPageContent(site, comment),
    ancestors,
    container: eventPageContent(site, container),
    extensions: { location: comment.location ?? 'footer' },
  };
}
