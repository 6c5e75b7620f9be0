import { randomBytes } from 'node:crypto';
import type { EmulatorCore } from '../core/emulator-core';

/**
 * Web trigger ids per module key. An id is created on first use and kept (persisted with the data
 * dir), so `webTrigger.getUrl(key)` is stable per module, app, site and environment like on Forge.
 */
export class WebTriggerRegistry {
  private ids = new Map<string, string>();

  constructor(private readonly core: () => EmulatorCore) {}

  idFor(key: string): string {
    if (!this.core().manifest.webTriggers.has(key)) {
      throw new Error(`manifest.yml has no webtrigger module '${key}'`);
    }
    let id = this.ids.get(key);
    if (!id) {
      id = randomBytes(18).toString('base64url');
      this.ids.set(key, id);
      this.core().persistSoon();
    }
    return id;
  }

  urlFor(key: string): string {
    return `${this.core().url}/x1/${this.idFor(key)}`;
  }

  keyFor(id: string): string | undefined {
    for (const [key, candidate] of this.ids) if (candidate === id) return key;
    return undefined;
  }

  delete(id: string): boolean {
    const key = this.keyFor(id);
    if (key !== undefined) {
      this.ids.delete(key);
      this.core().persistSoon();
    }
    return key !== undefined;
  }

  list(): Array<{ triggerKey: string; url: string }> {
    return [...this.ids.keys()].map((key) => ({ triggerKey: key, url: this.urlFor(key) }));
  }

  snapshot(): Record<string, string> {
    return Object.fromEntries(this.ids);
  }

  restore(ids: Record<string, string>): void {
    this.ids = new Map(Object.entries(ids));
  }
}
