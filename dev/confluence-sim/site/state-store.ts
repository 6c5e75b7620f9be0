import { mkdirSync, readFileSync, rmSync } from 'node:fs';
import { rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SiteState } from './site-state';

const FILE_NAME = 'confluence-site.json';

/**
 * Persists the site as one JSON file. Writes are debounced (a burst of edits costs one write) and
 * atomic (temp file + rename), so a crash mid-write never leaves a half-written state behind.
 */
export class StateStore {
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly file: string | undefined;

  private snapshot: (() => SiteState) | undefined;

  constructor(
    dataDir: string | undefined,
    private readonly debounceMs = 30,
  ) {
    this.file = dataDir ? join(dataDir, FILE_NAME) : undefined;
    if (dataDir) mkdirSync(dataDir, { recursive: true });
  }

  /** The saved state, or undefined when there is none (or `reset` asked to forget it). */
  load(reset: boolean): SiteState | undefined {
    if (!this.file) return undefined;
    if (reset) {
      rmSync(this.file, { force: true });
      return undefined;
    }
    try {
      const saved = JSON.parse(readFileSync(this.file, 'utf8')) as SiteState;
      return saved.schemaVersion === 1 ? saved : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new Error(`Cannot read the Confluence simulator state ${this.file}: ${(error as Error).message}`);
    }
  }

  /** Schedules a write of the state `snapshot` returns (no-op without a data directory). */
  schedule(snapshot: () => SiteState): void {
    this.snapshot = snapshot;
    if (!this.file || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.write();
    }, this.debounceMs);
  }

  /** Writes any pending change now; used by `stop()` so a restart sees the last edit. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
      await this.write();
    }
    await this.writing;
  }

  private write(): Promise<void> {
    const file = this.file;
    if (!file || !this.snapshot) return Promise.resolve();
    const json = JSON.stringify(this.snapshot(), null, 2);
    // Chained so two writes never race on the same temp file.
    this.writing = this.writing
      .then(async () => {
        const temp = `${file}.${process.pid}.tmp`;
        await writeFile(temp, json, 'utf8');
        await rename(temp, file);
      })
      .catch((error: unknown) => {
        // A failed save must not break the next one; the in-memory site stays authoritative.
        console.error(`Confluence simulator: saving ${file} failed`, error);
      });
    return this.writing;
  }
}
