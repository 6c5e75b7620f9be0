import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StoreSnapshot } from '../kvs/kvs-store';
import type { PendingMessage } from '../queue/pending-message';

/** Everything the emulator keeps across restarts. */
export interface PersistedState {
  version: 1;
  kvs: StoreSnapshot;
  webTriggers: Record<string, string>;
  pendingMessages: PendingMessage[];
}

const FILE_NAME = 'forge-emulator-state.json';
const DEBOUNCE_MS = 50;

/**
 * The emulator's state as one JSON file in the data dir, written at most every 50 ms, atomically
 * (temporary file + rename) so a crash never leaves half a file. Without a data dir nothing is written.
 */
export class StateFile {
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly dir: string | undefined,
    private readonly snapshot: () => PersistedState,
  ) {}

  private get path(): string | undefined {
    return this.dir ? join(this.dir, FILE_NAME) : undefined;
  }

  load(): PersistedState | undefined {
    const path = this.path;
    if (!path || !existsSync(path)) return undefined;
    try {
      const state = JSON.parse(readFileSync(path, 'utf8')) as PersistedState;
      if (state.version !== 1) throw new Error(`unknown version ${String(state.version)}`);
      return state;
    } catch (error) {
      throw new Error(`Cannot read ${path} (${String(error)}); start with reset: true to discard it`);
    }
  }

  wipe(): void {
    const path = this.path;
    if (path) rmSync(path, { force: true });
  }

  schedule(): void {
    if (!this.path || this.timer) return;
    this.timer = setTimeout(() => this.flush(), DEBOUNCE_MS);
    this.timer.unref();
  }

  flush(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    const path = this.path;
    if (!path || !this.dir) return;
    mkdirSync(this.dir, { recursive: true });
    const temporary = `${path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(this.snapshot()));
    renameSync(temporary, path);
  }
}
