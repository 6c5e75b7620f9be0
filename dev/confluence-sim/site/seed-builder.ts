import type { ContentRecord, ContentVersion } from './content-record';
import type { SiteState } from './site-state';

/** Seed timestamps are fixed so that ids, dates and payloads are identical on every run. */
const SEED_START = Date.parse('2026-01-05T09:00:00.000Z');
export const seedTime = (hours: number): string => new Date(SEED_START + hours * 3_600_000).toISOString();

/** One seed page, blog post or comment, dated `hour` hours after the seed start. */
export interface SeedItem {
  type: ContentRecord['type'];
  spaceKey: string;
  title: string;
  body: string;
  by: string;
  hour: number;
  parentId?: string;
  containerId?: string;
  parentCommentId?: string;
  location?: 'footer' | 'inline';
  labels?: string[];
  readRestriction?: string[];
  /** Later versions: [author, hour, message, body]. */
  edits?: Array<[string, number, string, string]>;
}

/** Fills a fresh site state with seed content, numbering ids in the order items are added. */
export class SeedBuilder {
  readonly state: SiteState = {
    schemaVersion: 1,
    nextContentId: 65537,
    nextLabelId: 1001,
    spaces: [],
    contents: [],
    labelIds: {},
    contentWatches: {},
    spaceWatches: {},
  };

  /**
   * Adds an item with its version history and labels; returns its id. The author and the editors of
   * a page or blog post watch it, as Confluence's autowatch makes them.
   */
  add(item: SeedItem): string {
    const { state } = this;
    const id = String(state.nextContentId++);
    const version = (
      number: number,
      by: string,
      hour: number,
      message: string,
      body: string,
    ): ContentVersion => ({
      number,
      by,
      when: seedTime(hour),
      message,
      minorEdit: false,
      title: item.title,
      body,
    });
    const versions = [version(1, item.by, item.hour, '', item.body)];
    for (const [by, hour, message, body] of item.edits ?? []) {
      versions.push(version(versions.length + 1, by, hour, message, body));
    }
    const latest = versions[versions.length - 1];
    const labels = (item.labels ?? []).map((name) => {
      state.labelIds[name] ??= String(state.nextLabelId++);
      return { id: state.labelIds[name], name, prefix: 'global' as const };
    });
    state.contents.push({
      id,
      type: item.type,
      status: 'current',
      spaceKey: item.spaceKey,
      title: latest.title,
      body: latest.body,
      version: latest.number,
      versions,
      createdBy: item.by,
      createdAt: seedTime(item.hour),
      ownerId: item.by,
      ...(item.parentId ? { parentId: item.parentId } : {}),
      ...(item.containerId ? { containerId: item.containerId, location: item.location ?? 'footer' } : {}),
      ...(item.parentCommentId ? { parentCommentId: item.parentCommentId } : {}),
      labels,
      restrictions: { read: item.readRestriction ?? [], update: [] },
    });
    if (item.type !== 'comment') {
      (state.contentWatches ??= {})[id] = [...new Set(versions.map((v) => v.by))];
    }
    return id;
  }

  /** Adds a global space created by `createdBy` at the seed start. */
  space(
    id: string,
    key: string,
    name: string,
    homepageId: string,
    description: string,
    createdBy: string,
  ): void {
    this.state.spaces.push({
      id,
      key,
      name,
      type: 'global',
      status: 'current',
      homepageId,
      description,
      createdBy,
      createdAt: seedTime(0),
    });
  }
}
