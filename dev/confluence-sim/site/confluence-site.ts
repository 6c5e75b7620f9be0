import type { ContentRecord } from './content-record';
import type { SiteState } from './site-state';
import type { SpaceRecord } from './space-record';
import { WatchBook } from './watch-book';

/** A product event as the simulator recorded and emitted it. */
export interface EmittedEvent {
  eventType: string;
  payload: object;
}

/** Hooks the site needs from its host: time, event delivery and persistence. */
export interface SiteHooks {
  clock: () => number;
  emitEvent: (eventType: string, payload: object) => Promise<void> | void;
  /** Called after every change; the store debounces the write. */
  changed: () => void;
}

/**
 * The in-memory Confluence site: spaces and content with lookups over the page tree. Actions
 * (create, edit, comment, label) live in `actions/` and change the site through this object.
 */
export class ConfluenceSite {
  readonly events: EmittedEvent[] = [];
  /** Content and space watches; they live in the state, so they are saved with it. */
  readonly watches: WatchBook;
  private readonly spaces = new Map<string, SpaceRecord>();
  private readonly contents = new Map<string, ContentRecord>();

  constructor(
    private readonly state: SiteState,
    readonly hooks: SiteHooks,
  ) {
    for (const space of state.spaces) this.spaces.set(space.key, space);
    for (const content of state.contents) this.contents.set(content.id, content);
    this.watches = new WatchBook(state);
  }

  /** Current time as Confluence renders it (ISO 8601, UTC). */
  now(): string {
    return new Date(this.hooks.clock()).toISOString();
  }

  snapshot(): SiteState {
    return {
      ...this.state,
      spaces: [...this.spaces.values()],
      contents: [...this.contents.values()],
    };
  }

  allSpaces(): SpaceRecord[] {
    return [...this.spaces.values()];
  }

  spaceByKey(key: string): SpaceRecord | undefined {
    return this.spaces.get(key);
  }

  spaceById(id: string): SpaceRecord | undefined {
    return this.allSpaces().find((s) => s.id === id);
  }

  content(id: string): ContentRecord | undefined {
    return this.contents.get(id);
  }

  allContent(): ContentRecord[] {
    return [...this.contents.values()];
  }

  /** Child pages of a page, in creation order (Confluence's default position order). */
  children(pageId: string): ContentRecord[] {
    return this.allContent().filter((c) => c.type === 'page' && c.parentId === pageId);
  }

  /** Ancestor pages of a page, highest first (the order of the v1 `ancestors` expansion and v2 ancestors). */
  ancestors(pageId: string): ContentRecord[] {
    const chain: ContentRecord[] = [];
    let parentId = this.contents.get(pageId)?.parentId;
    while (parentId) {
      const parent = this.contents.get(parentId);
      if (!parent) break;
      chain.unshift(parent);
      parentId = parent.parentId;
    }
    return chain;
  }

  /** Comments on a page or blog post, oldest first; `rootOnly` leaves out replies. */
  comments(containerId: string, location?: 'footer' | 'inline', rootOnly = false): ContentRecord[] {
    return this.allContent().filter(
      (c) =>
        c.type === 'comment' &&
        c.containerId === containerId &&
        (!location || c.location === location) &&
        (!rootOnly || !c.parentCommentId),
    );
  }

  addContent(record: ContentRecord): void {
    this.contents.set(record.id, record);
  }

  nextContentId(): string {
    return String(this.state.nextContentId++);
  }

  /** The id of a label name, created on first use so one name keeps one id site-wide. */
  labelId(name: string): string {
    this.state.labelIds[name] ??= String(this.state.nextLabelId++);
    return this.state.labelIds[name];
  }
}
