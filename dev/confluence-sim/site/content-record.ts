/** A label on a page or blog post. Confluence labels created by users carry the `global` prefix. */
export interface LabelRecord {
  id: string;
  name: string;
  prefix: 'global';
}

/** Read and update restrictions of one page or blog post: empty lists mean "not restricted". */
export interface ContentRestrictions {
  read: string[];
  update: string[];
}

/** One stored version: Confluence keeps every version's title and body, so earlier versions stay readable. */
export interface ContentVersion {
  number: number;
  /** accountId of the author of this version. */
  by: string;
  /** ISO 8601. */
  when: string;
  message: string;
  minorEdit: boolean;
  title: string;
  /** Storage format (XHTML). */
  body: string;
}

/**
 * A page, blog post or comment as the simulator stores it. `title`, `body` and `version` always equal
 * the newest entry of `versions`; they are kept flat because callers read them far more often.
 */
export interface ContentRecord {
  /** Numeric string, like Confluence Cloud content ids. */
  id: string;
  type: 'page' | 'blogpost' | 'comment';
  status: 'current';
  spaceKey: string;
  title: string;
  body: string;
  version: number;
  versions: ContentVersion[];
  createdBy: string;
  createdAt: string;
  ownerId: string;
  /** Pages only: the parent page (absent for a space's top-level pages). */
  parentId?: string;
  /** Comments only: the page or blog post the comment belongs to. */
  containerId?: string;
  /** Comment replies only. */
  parentCommentId?: string;
  /** Comments only. */
  location?: 'footer' | 'inline';
  labels: LabelRecord[];
  restrictions: ContentRestrictions;
  /** Content properties by key (apps keep their own data on content here). */
  properties?: Record<string, ContentProperty>;
}

/** A content property: JSON the app stores on a piece of content, versioned like Confluence's. */
export interface ContentProperty {
  id: string;
  key: string;
  value: unknown;
  version: number;
}
