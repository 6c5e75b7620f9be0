import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { emptySimData, type SimData } from './sim-data';

const FILE_NAME = 'microsoft-simulator.json';
/** Many requests change state in bursts (a login is several writes); one write per burst is enough. */
const WRITE_DEBOUNCE_MS = 50;

/**
 * Holds the simulator's state in memory and, when a data folder is given, mirrors it to one JSON
 * file with debounced atomic writes (write a temporary file, then rename) so a crash never leaves
 * half a file behind.
 */
export class StateStore {
  private timer: NodeJS.Timeout | null = null;
  private writing: Promise<void> = Promise.resolve();

  private constructor(
    public data: SimData,
    private readonly file: string | null,
  ) {}

  static async open(dataDir: string | undefined, reset: boolean): Promise<StateStore> {
    if (!dataDir) return new StateStore(emptySimData(), null);
    await mkdir(dataDir, { recursive: true });
    const file = path.join(dataDir, FILE_NAME);
    if (reset) await rm(file, { force: true });
    const loaded = reset ? null : await readState(file);
    const store = new StateStore(loaded ?? emptySimData(), file);
    if (!loaded) store.changed();
    return store;
  }

  /** Call after every change; the write happens a little later. */
  changed(): void {
    if (!this.file || this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      this.writing = this.writing.then(() => this.write());
    }, WRITE_DEBOUNCE_MS);
    this.timer.unref();
  }

  /** Back to the seed: tokens, codes, consents, messages and created chats go; redirect URIs stay. */
  reset(): void {
    this.data = emptySimData(this.data.redirectUris);
    this.changed();
  }

  /** Writes any pending change now; used by `stop()`. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
      this.writing = this.writing.then(() => this.write());
    }
    await this.writing;
  }

  private async write(): Promise<void> {
    if (!this.file) return;
    const temporary = `${this.file}.${process.pid}.tmp`;
    await writeFile(temporary, JSON.stringify(this.data, null, 2), 'utf8');
    await rename(temporary, this.file);
  }
}

async function readState(file: string): Promise<SimData | null> {
  try {
    const parsed = JSON.parse(await readFile(file, 'utf8')) as Partial<SimData>;
    if (parsed.version !== 1 || typeof parsed.signingKey !== 'string') return null;
    return { ...emptySimData(), ...parsed };
  } catch {
    // A missing or unreadable file means a fresh start, as on the first run.
    return null;
  }
}
