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
/** An index of one key space: each value's partition (undefined: not in the index) → its keys. */
interface PartitionIndex {
  partitionOf: (value: unknown) => string | undefined;
  buckets: Map<string, Set<string>>;
}

export class KvsStore {
  private spaces = new Map<SpaceId, Map<string, StoredEntry>>();
  /** Built on a space's first query by that index, then kept up to date by every write. */
  private indexes = new Map<SpaceId, Map<string, PartitionIndex>>();

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
    this.unindex(id, key);
    this.space(id).set(key, entry);
    for (const index of this.indexes.get(id)?.values() ?? []) bucketAdd(index, key, entry.value);
    this.onChange();
  }

  remove(id: SpaceId, key: string): void {
    this.unindex(id, key);
    if (this.space(id).delete(key)) this.onChange();
  }

  private unindex(id: SpaceId, key: string): void {
    const old = this.space(id).get(key);
    if (!old) return;
    for (const index of this.indexes.get(id)?.values() ?? []) {
      const partition = index.partitionOf(old.value);
      if (partition !== undefined) index.buckets.get(partition)?.delete(key);
    }
  }

  /**
   * Live entries of a space in one partition of an index (`partitionOf` names each value's
   * partition; one function per index name): a query touches its partition, not the whole
   * space, so the sandbox's query cost does not grow with unrelated rows, as on Forge.
   */
  inPartition(
    id: SpaceId,
    indexName: string,
    partitionOf: (value: unknown) => string | undefined,
    partition: string,
  ): Array<[string, StoredEntry]> {
    const byName = this.indexes.get(id) ?? new Map<string, PartitionIndex>();
    this.indexes.set(id, byName);
    let index = byName.get(indexName);
    if (!index) {
      const built: PartitionIndex = { partitionOf, buckets: new Map() };
      for (const [key, entry] of this.space(id)) bucketAdd(built, key, entry.value);
      byName.set(indexName, built);
      index = built;
    }
    const found: Array<[string, StoredEntry]> = [];
    for (const key of index.buckets.get(partition) ?? []) {
      const entry = this.read(id, key);
      if (entry) found.push([key, entry]);
    }
    return found;
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
    this.indexes.clear();
    this.onChange();
  }

  snapshot(): StoreSnapshot {
    const result: StoreSnapshot = {};
    for (const [id, space] of this.spaces) result[id] = Object.fromEntries(space);
    return result;
  }

  load(snapshot: StoreSnapshot): void {
    this.indexes.clear();
    this.spaces = new Map(
      Object.entries(snapshot).map(([id, space]) => [id as SpaceId, new Map(Object.entries(space))]),
    );
  }
}

const bucketAdd = (index: PartitionIndex, key: string, value: unknown): void => {
  const partition = index.partitionOf(value);
  if (partition === undefined) return;
  const bucket = index.buckets.get(partition) ?? new Set<string>();
  index.buckets.set(partition, bucket);
  bucket.add(key);
};
