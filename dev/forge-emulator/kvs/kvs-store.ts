/** One stored value with the metadata the service can return. */
export interface StoredEntry {
  value: unknown;
  /** Epoch ms. */
  createdAt: number;
  updatedAt: number;
  /** Epoch ms after which the value is gone. */
  expiresAt?: number;
}

/** `kvs` for plain keys, `secret` for `setSecret`, `entity:<name>` for custom entities. */
export type SpaceId = 'kvs' | 'secret' | `entity:${string}`;

export type StoreSnapshot = Record<string, Record<string, StoredEntry>>;

/**
 * The storage of one installation, in separate key spaces. Expired values are treated as absent as soon
 * as the clock passes their expiry (Forge deletes them asynchronously, within 48 h; apps must not rely on
 * either), so TTL tests are deterministic.
 */
export class KvsStore {
  private spaces = new Map<SpaceId, Map<string, StoredEntry>>();

  constructor(
    private readonly clock: () => number,
    private readonly onChange: () => void,
  ) {}

  private space(id: SpaceId): Map<string, StoredEntry> {
    let space = this.spaces.get(id);
    if (!space) {
      space = new Map();
      this.spaces.set(id, space);
    }
    return space;
  }

  private expired(entry: StoredEntry): boolean {
    return entry.expiresAt !== undefined && entry.expiresAt <= this.clock();
  }

  read(id: SpaceId, key: string): StoredEntry | undefined {
    const entry = this.space(id).get(key);
    if (entry && this.expired(entry)) {
      this.space(id).delete(key);
      this.onChange();
      return undefined;
    }
    return entry;
  }

  write(id: SpaceId, key: string, entry: StoredEntry): void {
    this.space(id).set(key, entry);
    this.onChange();
  }

  remove(id: SpaceId, key: string): void {
    if (this.space(id).delete(key)) this.onChange();
  }

  /** Live entries of a space, sorted by key. */
  entries(id: SpaceId): Array<[string, StoredEntry]> {
    return this.scan(id, () => true).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  /** Live entries of a space that `keep` accepts, in no particular order (index queries sort their few). */
  scan(id: SpaceId, keep: (key: string, entry: StoredEntry) => boolean): Array<[string, StoredEntry]> {
    const found: Array<[string, StoredEntry]> = [];
    for (const [key, entry] of this.space(id))
      if (!this.expired(entry) && keep(key, entry)) found.push([key, entry]);
    return found;
  }

  spaceIds(): SpaceId[] {
    return [...this.spaces.keys()];
  }

  clear(): void {
    this.spaces.clear();
    this.onChange();
  }

  snapshot(): StoreSnapshot {
    const result: StoreSnapshot = {};
    for (const [id, space] of this.spaces) result[id] = Object.fromEntries(space);
    return result;
  }

  load(snapshot: StoreSnapshot): void {
    this.spaces = new Map(
      Object.entries(snapshot).map(([id, space]) => [id as SpaceId, new Map(Object.entries(space))]),
    );
  }
}
