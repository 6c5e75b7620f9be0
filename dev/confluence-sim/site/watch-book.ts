import type { SiteState } from './site-state';

/** What can be watched: a page or blog post (by id) or a whole space (by key). */
export type WatchTarget = { contentId: string } | { spaceKey: string };

/**
 * Who watches what. Confluence keeps a watch per (user, content) and per (user, space); the lists
 * keep the order watches were added in, which is the order the watch APIs list them.
 */
export class WatchBook {
  private readonly content: Record<string, string[]>;
  private readonly spaces: Record<string, string[]>;

  constructor(state: SiteState) {
    this.content = state.contentWatches ??= {};
    this.spaces = state.spaceWatches ??= {};
  }

  watchers(target: WatchTarget): string[] {
    return [...(this.listOf(target)[this.keyOf(target)] ?? [])];
  }

  isWatching(target: WatchTarget, accountId: string): boolean {
    return this.watchers(target).includes(accountId);
  }

  /** Adds or removes a watch; true when something changed. */
  set(target: WatchTarget, accountId: string, watching: boolean): boolean {
    const list = this.listOf(target);
    const key = this.keyOf(target);
    const current = list[key] ?? [];
    if (current.includes(accountId) === watching) return false;
    const next = watching ? [...current, accountId] : current.filter((id) => id !== accountId);
    if (next.length) list[key] = next;
    else delete list[key];
    return true;
  }

  private listOf(target: WatchTarget): Record<string, string[]> {
    return 'contentId' in target ? this.content : this.spaces;
  }

  private keyOf(target: WatchTarget): string {
    return 'contentId' in target ? target.contentId : target.spaceKey;
  }
}
