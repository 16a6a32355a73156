// The documents this process holds in memory. Loading, joining, leaving and unloading
// of one document run one after another (a lock per name), so a client arriving while
// the document is being unloaded waits and then gets a freshly loaded copy.
import type { DocumentBus } from './bus';
import type { CollabLogger } from './logger';
import { SharedDocument, type DocumentLimits } from './shared-document';
import type { CollabStore } from './store';

interface Entry {
  document: SharedDocument;
  users: number;
  unloadTimer?: NodeJS.Timeout;
}

export class DocumentRegistry {
  private readonly entries = new Map<string, Entry>();
  private readonly locks = new Map<string, Promise<unknown>>();

  constructor(
    private readonly options: {
      store: CollabStore;
      bus: DocumentBus | null;
      log: CollabLogger;
      unloadDelayMs: number;
      limitsFor(name: string): DocumentLimits;
    },
  ) {}

  get loadedCount(): number {
    return this.entries.size;
  }

  /** The document, loaded if needed; every acquire needs one release. */
  acquire(name: string): Promise<SharedDocument> {
    return this.withLock(name, async () => {
      let entry = this.entries.get(name);
      if (!entry) {
        const document = new SharedDocument(name, this.options.store, this.options.bus, this.options.log, this.options.limitsFor(name));
        await document.load();
        entry = { document, users: 0 };
        this.entries.set(name, entry);
      }
      clearTimeout(entry.unloadTimer);
      entry.unloadTimer = undefined;
      entry.users += 1;
      return entry.document;
    });
  }

  release(name: string): Promise<void> {
    return this.withLock(name, async () => {
      const entry = this.entries.get(name);
      if (!entry) return;
      entry.users -= 1;
      if (entry.users > 0) return;
      entry.unloadTimer = setTimeout(() => void this.unloadIfUnused(name), this.options.unloadDelayMs);
      entry.unloadTimer.unref();
    });
  }

  /** Stores and unloads every document (on shutdown). */
  async unloadAll(): Promise<void> {
    await Promise.all([...this.entries.keys()].map((name) => this.unload(name)));
  }

  private unloadIfUnused(name: string): Promise<void> {
    return this.withLock(name, async () => {
      const entry = this.entries.get(name);
      if (entry && entry.users === 0) await this.unloadEntry(name, entry);
    });
  }

  private unload(name: string): Promise<void> {
    return this.withLock(name, async () => {
      const entry = this.entries.get(name);
      if (entry) await this.unloadEntry(name, entry);
    });
  }

  private async unloadEntry(name: string, entry: Entry): Promise<void> {
    clearTimeout(entry.unloadTimer);
    this.entries.delete(name);
    await entry.document.close().catch((error: unknown) => this.options.log.error(`unloading ${name} failed`, error));
  }

  private withLock<T>(name: string, task: () => Promise<T>): Promise<T> {
    const previous = this.locks.get(name) ?? Promise.resolve();
    const run = previous.then(task, task);
    const settled = run.catch(() => undefined);
    this.locks.set(name, settled);
    void settled.then(() => {
      if (this.locks.get(name) === settled) this.locks.delete(name);
    });
    return run;
  }
}
