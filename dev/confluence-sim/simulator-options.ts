import type { ContentRecord } from './site/content-record';
import type { ForgeUiConfig } from './web/ui-options';

/** How to start the Confluence simulator. */
export interface ConfluenceSimulatorOptions {
  /** Default 0 (a free port). */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Where to persist the site as JSON (debounced atomic writes); absent = memory only. */
  dataDir?: string;
  /** Forget the saved state in `dataDir` and start from the seed. */
  reset?: boolean;
  /** Milliseconds since the epoch; default `Date.now`. */
  clock?: () => number;
  /** Called for every product event, in order (the sandbox forwards it to the Forge emulator). */
  emitEvent: (eventType: string, payload: object) => Promise<void> | void;
  /** Where the Forge emulator's `/__forge/host.js` is and the app's UI modules from manifest.yml. */
  forge?: ForgeUiConfig;
  /** Link in the top bar to the Microsoft simulator's Teams view. */
  teamsViewUrl?: string;
}

/** A running simulator. Programmatic actions take the same code path as the web UI and emit the same events. */
export interface ConfluenceSimulator {
  /** `http://127.0.0.1:<port>`; the site base is `${url}/wiki`. */
  url: string;
  stop(): Promise<void>;
  createPage(
    accountId: string,
    input: { spaceKey: string; title: string; body: string; parentId?: string; type?: 'page' | 'blogpost' },
  ): Promise<ContentRecord>;
  editPage(
    accountId: string,
    contentId: string,
    input: { title?: string; body?: string; minorEdit?: boolean; versionMessage?: string },
  ): Promise<ContentRecord>;
  addComment(
    accountId: string,
    contentId: string,
    input: {
      body: string;
      parentCommentId?: string;
      location?: 'footer' | 'inline';
      /** Content properties present from creation, as the v1 REST `metadata.properties` sets them. */
      properties?: Record<string, unknown>;
    },
  ): Promise<ContentRecord>;
  /** Edits a comment (emits `avi:confluence:updated:comment`). */
  editComment(accountId: string, commentId: string, input: { body: string }): Promise<ContentRecord>;
  addLabel(accountId: string, contentId: string, label: string): Promise<void>;
  /** Sets read and/or update restrictions (accountIds) as `accountId`, who must be able to edit the content. */
  restrictContent(
    accountId: string,
    contentId: string,
    restrictions: { read?: string[]; update?: string[] },
  ): Promise<void>;
  /**
   * Starts (or, with `watching` false, stops) `accountId`'s watch of a page or blog post, as the
   * Watch button does; the person must be able to view it.
   */
  watchContent(accountId: string, contentId: string, watching?: boolean): Promise<void>;
  /** Starts (or stops) `accountId`'s watch of a whole space, as "Watch space" does. */
  watchSpace(accountId: string, spaceKey: string, watching?: boolean): Promise<void>;
  /** A page or blog post by exact title (a copy); throws if there is none. */
  findContent(title: string): ContentRecord;
  /** Every event emitted since start, in order. */
  events: Array<{ eventType: string; payload: object }>;
}
