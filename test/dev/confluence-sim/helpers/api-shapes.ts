/*
 * The parts of Confluence's REST and event payloads the tests read, typed so that tests stay
 * type-checked. They describe what the simulator promises, following Atlassian's documentation.
 */

export interface Links {
  webui?: string;
  editui?: string;
  tinyui?: string;
  base?: string;
  next?: string;
}

export interface V1Error {
  statusCode: number;
  data: { authorized: boolean; valid: boolean; successful: boolean };
  message: string;
}

export interface V2Error {
  errors: Array<{ status: number; code: string; title: string; detail: string | null }>;
}

export interface Operation {
  operation: string;
  targetType: string;
}

export interface V1User {
  type: string;
  accountId: string;
  accountType: string;
  displayName: string;
  email: string;
  operations?: Operation[];
}

export interface V1List<T> {
  results: T[];
  start: number;
  limit: number;
  size: number;
  _links: Links;
}

export interface V1Space {
  id: number;
  key: string;
  name: string;
  type: string;
  status: string;
  operations?: Operation[];
}

export interface V1Version {
  by: { accountId: string };
  number: number;
  message: string;
  minorEdit: boolean;
}

export interface V1Content {
  id: string;
  type: string;
  status: string;
  title: string;
  space?: V1Space;
  version?: V1Version;
  history?: { latest: boolean; createdBy: { accountId: string } };
  ancestors?: V1Content[];
  body?: { storage?: { value: string; representation: string } };
  metadata?: { labels: V1List<{ prefix: string; name: string; id: string; label: string }> };
  _expandable: Record<string, string>;
  _links: Links;
}

export interface SearchResult {
  content: V1Content;
  title: string;
  excerpt: string;
  url: string;
  resultGlobalContainer: { title: string; displayUrl: string };
  entityType: string;
  lastModified: string;
}

export interface SearchResponse extends V1List<SearchResult> {
  totalSize: number;
  cqlQuery: string;
}

export interface PermissionCheck {
  hasPermission: boolean;
  errors: Array<{ key?: string; translation?: string }>;
}

export interface V2List<T> {
  results: T[];
  _links: Links;
}

export interface V2Space {
  id: string;
  key: string;
  name: string;
  type: string;
  status: string;
  homepageId: string;
  _links: Links;
}

export interface V2Version {
  createdAt: string;
  message: string;
  number: number;
  minorEdit: boolean;
  authorId: string;
}

export interface V2Label {
  id: string;
  name: string;
  prefix: string;
}

export interface V2Body {
  storage?: { representation: string; value: string };
}

export interface V2Page {
  id: string;
  status: string;
  title: string;
  spaceId: string;
  parentId?: string | null;
  parentType?: string | null;
  authorId: string;
  createdAt: string;
  version?: V2Version;
  body: V2Body;
  labels?: V2List<V2Label>;
  _links: Links;
}

export interface V2Comment {
  id: string;
  status: string;
  title: string;
  pageId?: string;
  blogPostId?: string;
  parentCommentId?: string;
  version: V2Version;
  body: V2Body;
  resolutionStatus?: string;
  properties?: Record<string, string>;
  _links: Links;
}

/** A user in an event payload: only ids. */
export interface EventUser {
  accountId: string;
  accountType: string;
  displayName: string;
}

export interface EventContent {
  id: string;
  type: string;
  status: string;
  title: string;
  space: { id: number; key: string; name: string };
  history: { latest: boolean; createdBy: EventUser; ownedBy: EventUser; createdDate: string };
  version: { by: EventUser; when: string; number: number };
  ancestors?: Array<{ id: string; type: string; title: string }>;
  container?: { id: string; type: string; title: string };
  extensions?: { location: string };
  labels?: V2Label[];
}

export interface EventPayload {
  eventType: string;
  atlassianId?: string;
  eventCreatedDate: string;
  suppressNotifications?: boolean;
  selfGenerated?: boolean;
  updateTrigger?: string;
  label?: V2Label;
  content: EventContent;
}
